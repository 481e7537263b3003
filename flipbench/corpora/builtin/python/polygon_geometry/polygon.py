"""Geometry of simple polygons given as lists of (x, y) vertices in order."""

import math


def signed_area(polygon):
    """Shoelace formula: positive for counter-clockwise vertex order."""
    total = 0
    n = len(polygon)
    for i in range(n):
        x1, y1 = polygon[i]
        x2, y2 = polygon[(i + 1) % n]
        total += x1 * y2 - x2 * y1
    return total / 2


def area(polygon):
    return abs(signed_area(polygon))


def is_clockwise(polygon):
    return signed_area(polygon) < 0


def perimeter(polygon):
    """Sum of edge lengths, rounded to six decimals."""
    total = 0.0
    for i in range(len(polygon)):
        x1, y1 = polygon[i - 1]
        x2, y2 = polygon[i]
        total += math.hypot(x2 - x1, y2 - y1)
    return round(total, 6)


def centroid(polygon):
    """Centre of mass of the enclosed region, rounded to three decimals."""
    a = signed_area(polygon)
    if a == 0:
        raise ValueError("degenerate polygon")
    cx = 0
    cy = 0
    n = len(polygon)
    for i in range(n):
        x1, y1 = polygon[i]
        x2, y2 = polygon[(i + 1) % n]
        cross = x1 * y2 - x2 * y1
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    return round(cx / (6 * a), 3), round(cy / (6 * a), 3)


def _cross(o, a, b):
    """z component of (a - o) x (b - o); positive when o, a, b turn left."""
    return (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0])


def _on_segment(p, a, b):
    if _cross(a, b, p) != 0:
        return False
    return min(a[0], b[0]) <= p[0] <= max(a[0], b[0]) and min(a[1], b[1]) <= p[1] <= max(a[1], b[1])


def point_in_polygon(point, polygon):
    """'inside', 'outside' or 'boundary', by casting a ray to the right."""
    x, y = point
    inside = False
    j = len(polygon) - 1
    for i in range(len(polygon)):
        a = polygon[i]
        b = polygon[j]
        if _on_segment(point, a, b):
            return "boundary"
        if (a[1] > y) != (b[1] > y):
            x_cross = (b[0] - a[0]) * (y - a[1]) / (b[1] - a[1]) + a[0]
            if x < x_cross:
                inside = not inside
        j = i
    return "inside" if inside else "outside"


def is_convex(polygon):
    """True when every turn goes the same way (straight runs are allowed)."""
    n = len(polygon)
    if n < 3:
        return False
    sign = 0
    for i in range(n):
        turn = _cross(polygon[i], polygon[(i + 1) % n], polygon[(i + 2) % n])
        if turn == 0:
            continue
        if sign == 0:
            sign = 1 if turn > 0 else -1
        elif (turn > 0 and sign < 0) or (turn < 0 and sign > 0):
            return False
    return sign != 0


def convex_hull(points):
    """Counter-clockwise hull from the leftmost (then lowest) point, without collinear points."""
    pts = sorted(set(points))
    if len(pts) <= 2:
        return pts
    lower = []
    for p in pts:
        while len(lower) >= 2 and _cross(lower[-2], lower[-1], p) <= 0:
            lower.pop()
        lower.append(p)
    upper = []
    for k in range(len(pts) - 1, -1, -1):
        p = pts[k]
        while len(upper) >= 2 and _cross(upper[-2], upper[-1], p) <= 0:
            upper.pop()
        upper.append(p)
    return lower[:-1] + upper[:-1]
