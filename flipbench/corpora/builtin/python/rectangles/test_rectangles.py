from rectangles import (
    area,
    contains,
    contains_point,
    from_corners,
    intersection,
    intersection_area,
    largest_overlap_pair,
    make_rect,
    overlaps,
    touches,
    union_area,
    union_box,
)

A = (1, 2, 6, 5)
B = (3, 3, 8, 7)
C = (6, 1, 9, 4)
D = (2, 3, 3, 4)
E = (20, 30, 21, 32)


def test_construction_and_area():
    assert make_rect(2, 3, 4, 5) == (2, 3, 6, 8)
    assert from_corners((5, 1), (2, 4)) == (2, 1, 5, 4)
    assert from_corners((2, 4), (5, 1)) == (2, 1, 5, 4)
    assert (area(A), area(B), area(C), area(D), area(E)) == (15, 20, 9, 1, 2)
    assert area(make_rect(0, 0, 1, 1)) == 1
    for width, height in [(0, 1), (1, 0), (-2, 3)]:
        try:
            make_rect(0, 0, width, height)
        except ValueError:
            continue
        raise AssertionError("empty rectangle accepted")


def test_overlaps_needs_positive_area():
    assert overlaps(A, B) is True
    assert overlaps(B, A) is True
    assert overlaps(A, D) is True
    assert overlaps(B, C) is True
    assert overlaps(A, (5.5, 2, 7, 5)) is True
    assert overlaps(A, (1, 4.5, 2, 6)) is True
    assert overlaps(A, C) is False
    assert overlaps(C, A) is False
    assert overlaps(A, (1, 5, 6, 7)) is False
    assert overlaps((1, 5, 6, 7), A) is False
    assert overlaps(A, (1, 4, 6, 7)) is True
    assert overlaps(A, (-1, 2, 1, 5)) is False
    assert overlaps(A, E) is False


def test_touches():
    assert touches(A, C) is True
    assert touches(C, A) is True
    assert touches(A, (1, 5, 6, 7)) is True
    assert touches(A, (6, 5, 7, 6)) is True
    assert touches((6, 5, 7, 6), A) is True
    assert touches(A, (-1, 0, 1, 2)) is True
    assert touches(A, (5.5, -1, 7, 2)) is True
    assert touches(A, B) is False
    assert touches(A, E) is False
    assert touches(A, (7, 2, 8, 5)) is False
    assert touches(A, (1, 6, 6, 7)) is False
    assert touches(A, (-1, 0, 0.5, 1.5)) is False


def test_intersection():
    assert intersection(A, B) == (3, 3, 6, 5)
    assert intersection(B, A) == (3, 3, 6, 5)
    assert intersection(A, D) == D
    assert intersection(B, C) == (6, 3, 8, 4)
    assert intersection(C, B) == (6, 3, 8, 4)
    assert intersection(A, C) is None
    assert intersection_area(A, B) == 6
    assert intersection_area(B, C) == 2
    assert intersection_area(A, C) == 0


def test_union_box():
    assert union_box([A, B, C]) == (1, 1, 9, 7)
    assert union_box([E, D]) == (2, 3, 21, 32)
    assert union_box([B, E, C]) == (3, 1, 21, 32)
    assert union_box([E]) == E
    assert union_box([]) is None


def test_contains():
    assert contains(A, D) is True
    assert contains(A, A) is True
    assert contains(A, (1, 2, 6, 4)) is True
    assert contains(A, (1.5, 4, 6, 5)) is True
    assert contains(A, B) is False
    assert contains(D, A) is False
    for inner in [(0, 2, 6, 5), (1, 1, 6, 5), (1, 2, 7, 5), (1, 2, 6, 6)]:
        assert contains(A, inner) is False


def test_contains_point():
    for x, y in [(6, 5), (1, 2), (3, 4), (1.5, 3), (5.5, 2.5)]:
        assert contains_point(A, x, y) is True
    for x, y in [(6.5, 3), (0.5, 3), (3, 5.5), (3, 1.5)]:
        assert contains_point(A, x, y) is False


def test_union_area():
    assert union_area([A, B]) == 29
    assert union_area([A, B, C]) == 36
    assert union_area([A, D]) == 15
    assert union_area([A, A]) == 15
    assert union_area([A, E]) == 17
    assert union_area([]) == 0


def test_largest_overlap_pair():
    assert largest_overlap_pair([A, B, C, D]) == (0, 1)
    assert largest_overlap_pair([C, D, A, B]) == (2, 3)
    assert largest_overlap_pair([B, C, D]) == (0, 1)
    assert largest_overlap_pair([D, A, (2, 3, 3, 4)]) == (0, 1)
    assert largest_overlap_pair([A, E]) is None
    assert largest_overlap_pair([]) is None
