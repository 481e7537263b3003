from bsearch import (binary_search, closest, count_in_range, first_occurrence, isqrt, last_occurrence, lower_bound,
                     rotation_point, search_path, search_rotated, upper_bound)

ITEMS = [1, 3, 3, 3, 5, 8, 8, 13]


def test_lower_and_upper_bound():
    assert lower_bound(ITEMS, 3) == 1
    assert upper_bound(ITEMS, 3) == 4
    assert lower_bound(ITEMS, 4) == 4
    assert upper_bound(ITEMS, 4) == 4
    assert lower_bound(ITEMS, 0) == 0
    assert upper_bound(ITEMS, 0) == 0
    assert lower_bound(ITEMS, 13) == 7
    assert upper_bound(ITEMS, 13) == 8
    assert lower_bound(ITEMS, 99) == 8
    assert lower_bound([], 5) == 0
    assert upper_bound([], 5) == 0


def test_binary_search():
    assert binary_search([2, 4, 6, 8, 10], 2) == 0
    assert binary_search([2, 4, 6, 8, 10], 6) == 2
    assert binary_search([2, 4, 6, 8, 10], 10) == 4
    assert binary_search([2, 4, 6, 8, 10], 8) == 3
    assert binary_search([2, 4, 6, 8, 10], 5) == -1
    evens = [2 * k for k in range(20)]
    for i in range(len(evens)):
        assert binary_search(evens, evens[i]) == i
        assert binary_search(evens, evens[i] + 1) == -1
    assert binary_search([2, 4, 6, 8, 10], 11) == -1
    assert binary_search([2, 4, 6, 8, 10], 1) == -1
    assert binary_search([], 1) == -1
    assert binary_search([7], 7) == 0


def test_search_path():
    items = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]
    assert search_path(items, 6) == [5]
    assert search_path(items, 11) == [5, 8, 9, 10]
    assert search_path(items, 1) == [5, 2, 0]
    assert search_path(items, 4) == [5, 2, 3]
    assert search_path(items, 0) == [5, 2, 0]
    assert search_path([], 3) == []
    assert search_path([1, 3, 5, 7, 9, 11, 13], 6) == [3, 1, 2]


def test_first_and_last_occurrence():
    assert first_occurrence(ITEMS, 3) == 1
    assert last_occurrence(ITEMS, 3) == 3
    assert first_occurrence(ITEMS, 8) == 5
    assert last_occurrence(ITEMS, 8) == 6
    assert first_occurrence(ITEMS, 1) == 0
    assert last_occurrence(ITEMS, 13) == 7
    assert last_occurrence(ITEMS, 1) == 0
    assert first_occurrence(ITEMS, 4) == -1
    assert last_occurrence(ITEMS, 4) == -1
    assert first_occurrence(ITEMS, 20) == -1
    assert last_occurrence(ITEMS, 0) == -1
    assert last_occurrence([], 0) == -1


def test_count_in_range():
    assert count_in_range(ITEMS, 3, 8) == 6
    assert count_in_range(ITEMS, 3, 3) == 3
    assert count_in_range(ITEMS, 4, 7) == 1
    assert count_in_range(ITEMS, 6, 7) == 0
    assert count_in_range(ITEMS, 9, 2) == 0
    assert count_in_range(ITEMS, -5, 100) == 8


def test_closest():
    assert closest(ITEMS, 6) == 5
    assert closest(ITEMS, 7) == 8
    assert closest(ITEMS, 10) == 8
    assert closest(ITEMS, 11) == 13
    assert closest(ITEMS, 4) == 3
    assert closest(ITEMS, -3) == 1
    assert closest(ITEMS, 50) == 13
    assert closest(ITEMS, 8) == 8
    assert closest([], 1) is None


def test_rotation_point():
    assert rotation_point([4, 5, 6, 7, 0, 1, 2]) == 4
    assert rotation_point([1, 2, 3]) == 0
    assert rotation_point([3, 1, 2]) == 1
    assert rotation_point([2, 3, 1]) == 2
    assert rotation_point([9]) == 0


def test_search_rotated():
    rotated = [4, 5, 6, 7, 0, 1, 2]
    for i in range(len(rotated)):
        assert search_rotated(rotated, rotated[i]) == i
    assert search_rotated(rotated, 3) == -1
    assert search_rotated(rotated, 8) == -1
    other = [6, 7, 1, 2, 3, 4, 5]
    for i in range(len(other)):
        assert search_rotated(other, other[i]) == i
    assert search_rotated(other, 0) == -1
    assert search_rotated([], 1) == -1
    assert search_rotated([5, 1, 3], 3) == 2
    assert search_rotated([5, 1, 3], 5) == 0
    assert search_rotated([5, 1], 1) == 1
    assert search_rotated([1, 5], 5) == 1
    long = [15, 17, 19, 21, 23, 1, 3, 5, 7, 9, 11, 13]
    for i in range(len(long)):
        assert search_rotated(long, long[i]) == i
        assert search_rotated(long, long[i] + 1) == -1


def test_isqrt():
    assert [isqrt(n) for n in range(11)] == [0, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3]
    assert isqrt(99) == 9
    assert isqrt(100) == 10
    assert isqrt(10 ** 12) == 10 ** 6
    try:
        isqrt(-1)
    except ValueError:
        pass
    else:
        raise AssertionError("negative accepted")
