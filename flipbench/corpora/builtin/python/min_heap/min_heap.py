"""A binary min-heap priority queue implemented by hand on a Python list.

The element at index i has its children at 2*i + 1 and 2*i + 2, and no child is
smaller than its parent, so the smallest element is always at index 0.
"""


def _parent(i):
    return (i - 1) // 2


def _sift_up(items, i):
    """Move items[i] up while it is smaller than its parent."""
    while i > 0:
        parent = _parent(i)
        if items[i] < items[parent]:
            items[i], items[parent] = items[parent], items[i]
            i = parent
        else:
            return


def _sift_down(items, i, size):
    """Move items[i] down until no child among the first size items is smaller."""
    left = 2 * i + 1
    right = left + 1
    smallest = i
    if left < size and items[left] < items[smallest]:
        smallest = left
    if right < size and items[right] < items[smallest]:
        smallest = right
    if smallest != i:
        items[i], items[smallest] = items[smallest], items[i]
        _sift_down(items, smallest, size)


def heapify(values):
    """A new list holding values arranged as a min-heap, built bottom-up."""
    items = list(values)
    for i in range(len(items) // 2 - 1, -1, -1):
        _sift_down(items, i, len(items))
    return items


def is_heap(items):
    """True when every element is at least as large as its parent."""
    for i in range(1, len(items)):
        if items[i] < items[_parent(i)]:
            return False
    return True


class MinHeap:
    """Priority queue: push values, pop them back smallest first."""

    def __init__(self, values):
        self.items = heapify(values)

    def __len__(self):
        return len(self.items)

    def push(self, value):
        self.items.append(value)
        _sift_up(self.items, len(self.items) - 1)

    def peek(self):
        if not self.items:
            raise IndexError("peek from an empty heap")
        return self.items[0]

    def pop(self):
        """Remove and return the smallest value."""
        if not self.items:
            raise IndexError("pop from an empty heap")
        last = self.items.pop()
        if not self.items:
            return last
        top = self.items[0]
        self.items[0] = last
        _sift_down(self.items, 0, len(self.items))
        return top

    def pushpop(self, value):
        """Push value then pop the smallest, in a single sift."""
        if self.items and self.items[0] < value:
            top = self.items[0]
            self.items[0] = value
            _sift_down(self.items, 0, len(self.items))
            return top
        return value

    def merge(self, other):
        """A new heap holding the values of both heaps; neither input changes."""
        return MinHeap(self.items + other.items)

    def drain(self):
        """Pop everything; returns the values in ascending order."""
        result = []
        while len(self.items) > 0:
            result.append(self.pop())
        return result


def heap_sort(values):
    return MinHeap(values).drain()


def k_smallest(values, k):
    """The k smallest values in ascending order (all of them if k is larger)."""
    heap = MinHeap(values)
    result = []
    while len(result) < k and len(heap) > 0:
        result.append(heap.pop())
    return result
