"""Axis-aligned rectangles stored as tuples (left, bottom, right, top)."""


def make_rect(x, y, width, height):
    if width <= 0 or height <= 0:
        raise ValueError("width and height must be positive")
    return (x, y, x + width, y + height)


def from_corners(p, q):
    """Rectangle spanned by two opposite corners given in any order."""
    return (min(p[0], q[0]), min(p[1], q[1]), max(p[0], q[0]), max(p[1], q[1]))


def area(r):
    return (r[2] - r[0]) * (r[3] - r[1])


def overlaps(a, b):
    """True when the rectangles share a region of positive area."""
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def touches(a, b):
    """True when the rectangles meet only along an edge or at a corner."""
    if overlaps(a, b):
        return False
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def intersection(a, b):
    """The overlapping rectangle, or None when there is no positive-area overlap."""
    if not overlaps(a, b):
        return None
    return (max(a[0], b[0]), max(a[1], b[1]), min(a[2], b[2]), min(a[3], b[3]))


def intersection_area(a, b):
    common = intersection(a, b)
    if common is None:
        return 0
    return area(common)


def union_box(rects):
    """Smallest rectangle containing all of them, or None for an empty list."""
    if not rects:
        return None
    left, bottom, right, top = rects[0]
    for i in range(1, len(rects)):
        r = rects[i]
        left = min(left, r[0])
        bottom = min(bottom, r[1])
        right = max(right, r[2])
        top = max(top, r[3])
    return (left, bottom, right, top)


def contains(outer, inner):
    """True when inner lies within outer; shared edges are allowed."""
    return outer[0] <= inner[0] and inner[2] <= outer[2] and outer[1] <= inner[1] and inner[3] <= outer[3]


def contains_point(r, x, y):
    """True for points inside the rectangle or on its boundary."""
    return r[0] <= x <= r[2] and r[1] <= y <= r[3]


def union_area(rects):
    """Area covered by at least one rectangle, using a grid of all edge coordinates."""
    xs = sorted(set([r[0] for r in rects] + [r[2] for r in rects]))
    ys = sorted(set([r[1] for r in rects] + [r[3] for r in rects]))
    total = 0
    for i in range(len(xs) - 1):
        for j in range(len(ys) - 1):
            for r in rects:
                # a grid cell is covered when its lower-left corner is inside r
                if r[0] <= xs[i] < r[2] and r[1] <= ys[j] < r[3]:
                    total += (xs[i + 1] - xs[i]) * (ys[j + 1] - ys[j])
                    break
    return total


def largest_overlap_pair(rects):
    """Indices (i, j), i < j, of the pair with the largest overlap; first pair on ties."""
    best = None
    best_area = 0
    for i in range(len(rects)):
        for j in range(i + 1, len(rects)):
            shared = intersection_area(rects[i], rects[j])
            if shared > best_area:
                best = (i, j)
                best_area = shared
    return best
