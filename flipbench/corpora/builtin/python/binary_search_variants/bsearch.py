"""Binary search variants on sorted lists (ascending order unless stated otherwise)."""


def lower_bound(items, target):
    """First index whose item is >= target (len(items) if none)."""
    lo = 0
    hi = len(items)
    while lo < hi:
        mid = (lo + hi) // 2
        if items[mid] < target:
            lo = mid + 1
        else:
            hi = mid
    return lo


def upper_bound(items, target):
    """First index whose item is > target (len(items) if none)."""
    lo = 0
    hi = len(items)
    while lo < hi:
        mid = (lo + hi) // 2
        if items[mid] <= target:
            lo = mid + 1
        else:
            hi = mid
    return lo


def _search(items, target, lo, hi, trail):
    """Recursive search in items[lo..hi] (inclusive); -1 when absent. Probed indices go to trail."""
    if lo > hi:
        return -1
    mid = (lo + hi) // 2
    trail.append(mid)
    if items[mid] == target:
        return mid
    if items[mid] < target:
        return _search(items, target, mid + 1, hi, trail)
    return _search(items, target, lo, mid - 1, trail)


def binary_search(items, target):
    return _search(items, target, 0, len(items) - 1, [])


def search_path(items, target):
    """The indices binary_search probes, in order."""
    trail = []
    _search(items, target, 0, len(items) - 1, trail)
    return trail


def first_occurrence(items, target):
    i = lower_bound(items, target)
    if i < len(items) and items[i] == target:
        return i
    return -1


def last_occurrence(items, target):
    i = upper_bound(items, target) - 1
    if i >= 0 and items[i] == target:
        return i
    return -1


def count_in_range(items, low, high):
    """How many items lie in the closed interval [low, high]."""
    if low > high:
        return 0
    return upper_bound(items, high) - lower_bound(items, low)


def closest(items, target):
    """The item nearest to target; the smaller one on a tie. None for an empty list."""
    if len(items) == 0:
        return None
    i = lower_bound(items, target)
    if i == 0:
        return items[0]
    if i == len(items):
        return items[-1]
    before = items[i - 1]
    after = items[i]
    if target - before <= after - target:
        return before
    return after


def rotation_point(items):
    """Index of the smallest item of a rotated ascending list of distinct items."""
    lo = 0
    hi = len(items) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if items[mid] > items[hi]:
            lo = mid + 1
        else:
            hi = mid
    return lo


def search_rotated(items, target):
    """Index of target in a rotated ascending list of distinct items, or -1."""
    lo = 0
    hi = len(items) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if items[mid] == target:
            return mid
        if items[lo] <= items[mid]:
            # The left half items[lo..mid] is sorted.
            if items[lo] <= target and target < items[mid]:
                hi = mid - 1
            else:
                lo = mid + 1
        else:
            if items[mid] < target and target <= items[hi]:
                lo = mid + 1
            else:
                hi = mid - 1
    return -1


def isqrt(n):
    """Largest r with r * r <= n, found by binary search on the answer."""
    if n < 0:
        raise ValueError("negative input")
    lo = 0
    hi = n
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if mid * mid <= n:
            lo = mid
        else:
            hi = mid - 1
    return lo
