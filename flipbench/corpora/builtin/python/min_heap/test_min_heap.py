from min_heap import MinHeap, heap_sort, heapify, is_heap, k_smallest


def test_heapify_exact_layout():
    values = [5, 3, 8, 1, 9, 2]
    assert heapify(values) == [1, 3, 2, 5, 9, 8]
    assert values == [5, 3, 8, 1, 9, 2]
    assert heapify([9, 8, 7, 6, 5, 4, 3, 2, 1]) == [1, 2, 3, 6, 5, 4, 7, 8, 9]
    assert heapify([2, 1]) == [1, 2]
    assert heapify([4]) == [4]
    assert heapify([]) == []


def test_is_heap():
    assert is_heap([1, 3, 2, 5, 9, 8]) is True
    assert is_heap([1, 1, 1]) is True
    assert is_heap([]) is True
    assert is_heap([1]) is True
    assert is_heap([2, 1]) is False
    assert is_heap([1, 2, 3, 1]) is False


def test_push_sifts_up():
    heap = MinHeap([5, 3, 8, 1, 9, 2])
    heap.push(0)
    assert heap.items == [0, 3, 1, 5, 9, 8, 2]
    heap.push(4)
    assert heap.items == [0, 3, 1, 4, 9, 8, 2, 5]
    assert len(heap) == 8
    assert heap.peek() == 0


def test_pop_sifts_down():
    heap = MinHeap([5, 3, 8, 1, 9, 2])
    assert heap.pop() == 1
    assert heap.items == [2, 3, 8, 5, 9]
    assert heap.pop() == 2
    assert heap.items == [3, 5, 8, 9]
    single = MinHeap([7])
    assert single.pop() == 7
    assert len(single) == 0


def test_empty_heap_raises():
    heap = MinHeap([])
    for operation in [heap.pop, heap.peek]:
        try:
            operation()
        except IndexError:
            continue
        raise AssertionError("empty heap must raise IndexError")


def test_pushpop():
    heap = MinHeap([5, 3, 8, 1, 9, 2])
    assert heap.pushpop(0) == 0
    assert heap.pushpop(1) == 1
    assert heap.items == [1, 3, 2, 5, 9, 8]
    assert heap.pushpop(4) == 1
    assert heap.items == [2, 3, 4, 5, 9, 8]
    assert heap.pushpop(2.5) == 2
    assert heap.items == [2.5, 3, 4, 5, 9, 8]
    empty = MinHeap([])
    assert empty.pushpop(5) == 5
    assert len(empty) == 0


def test_merge_leaves_inputs_alone():
    a = MinHeap([4, 1])
    b = MinHeap([3, 2, 0])
    assert b.items == [0, 2, 3]
    merged = a.merge(b)
    assert merged.items == [0, 2, 1, 4, 3]
    assert a.items == [1, 4]
    assert b.items == [0, 2, 3]
    assert merged.drain() == [0, 1, 2, 3, 4]
    assert len(merged) == 0


def test_heap_sort():
    assert heap_sort([5, -2, 7, 0, -2, 3]) == [-2, -2, 0, 3, 5, 7]
    assert heap_sort([]) == []


def test_k_smallest():
    values = [9, 4, 7, 1, 8]
    assert k_smallest(values, 2) == [1, 4]
    assert k_smallest(values, 0) == []
    assert k_smallest(values, 5) == [1, 4, 7, 8, 9]
    assert k_smallest(values, 10) == [1, 4, 7, 8, 9]


def test_tuples_as_priorities():
    heap = MinHeap([(3, "c"), (1, "a"), (2, "b")])
    heap.push((0, "z"))
    assert heap.drain() == [(0, "z"), (1, "a"), (2, "b"), (3, "c")]


class _Job:
    """Ordered by priority only, so equal priorities with different labels compare equal."""

    def __init__(self, priority, label):
        self.priority = priority
        self.label = label

    def __lt__(self, other):
        return self.priority < other.priority


def _labels(items):
    return "".join(job.label for job in items)


def test_equal_priorities_are_not_swapped():
    heap = MinHeap([_Job(1, "a"), _Job(1, "b"), _Job(1, "c")])
    assert _labels(heap.items) == "abc"
    heap.push(_Job(1, "d"))
    assert _labels(heap.items) == "abcd"
    assert heap.pop().label == "a"
    assert _labels(heap.items) == "dbc"
    assert heap.pushpop(_Job(1, "x")).label == "x"
    assert heap.pushpop(_Job(2, "y")).label == "d"
    assert _labels(heap.items) == "byc"
