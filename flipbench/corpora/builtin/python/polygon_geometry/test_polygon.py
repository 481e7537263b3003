from polygon import area, centroid, convex_hull, is_clockwise, is_convex, perimeter, point_in_polygon, signed_area

SQUARE = [(0, 0), (4, 0), (4, 4), (0, 4)]
TRIANGLE = [(0, 0), (3, 0), (0, 4)]
L_SHAPE = [(0, 0), (4, 0), (4, 2), (2, 2), (2, 4), (0, 4)]


def test_shoelace_area():
    assert signed_area(SQUARE) == 16.0
    assert signed_area(TRIANGLE) == 6.0
    assert signed_area(TRIANGLE[::-1]) == -6.0
    assert area(TRIANGLE[::-1]) == 6.0
    assert area(L_SHAPE) == 12.0
    assert area([(0, 0), (1, 1), (2, 2)]) == 0.0
    assert area([]) == 0


def test_orientation():
    assert is_clockwise(SQUARE) is False
    assert is_clockwise(SQUARE[::-1]) is True
    assert is_clockwise([(0, 0), (1, 1), (2, 2)]) is False


def test_perimeter():
    assert perimeter(SQUARE) == 16.0
    assert perimeter(TRIANGLE) == 12.0
    assert perimeter(L_SHAPE) == 16.0
    assert perimeter([(0, 0), (1, 1)]) == 2.828427
    assert perimeter([(5, 5)]) == 0.0


def test_centroid():
    assert centroid(SQUARE) == (2.0, 2.0)
    assert centroid(TRIANGLE) == (1.0, 1.333)
    assert centroid(TRIANGLE[::-1]) == (1.0, 1.333)
    assert centroid(L_SHAPE) == (1.667, 1.667)
    assert centroid([(1, 1), (3, 1), (3, 2), (1, 2)]) == (2.0, 1.5)
    try:
        centroid([(0, 0), (1, 1), (2, 2)])
    except ValueError:
        return
    raise AssertionError("degenerate polygon has no centroid")


def test_point_in_concave_polygon():
    assert point_in_polygon((1, 1), L_SHAPE) == "inside"
    assert point_in_polygon((1, 3), L_SHAPE) == "inside"
    assert point_in_polygon((1, 2), L_SHAPE) == "inside"
    assert point_in_polygon((3, 3), L_SHAPE) == "outside"
    assert point_in_polygon((5, 1), L_SHAPE) == "outside"
    assert point_in_polygon((-1, 2), L_SHAPE) == "outside"
    assert point_in_polygon((4, 1), L_SHAPE) == "boundary"
    assert point_in_polygon((2, 3), L_SHAPE) == "boundary"
    assert point_in_polygon((3, 2), L_SHAPE) == "boundary"
    assert point_in_polygon((0, 0), L_SHAPE) == "boundary"


def test_point_in_triangle():
    assert point_in_polygon((1, 1), TRIANGLE) == "inside"
    assert point_in_polygon((1.5, 2), TRIANGLE) == "boundary"
    assert point_in_polygon((2, 2), TRIANGLE) == "outside"
    assert point_in_polygon((0, 5), TRIANGLE) == "outside"
    assert point_in_polygon((4, 0), TRIANGLE) == "outside"
    assert point_in_polygon((6, -4), TRIANGLE) == "outside"
    assert point_in_polygon((-3, 8), TRIANGLE) == "outside"
    assert point_in_polygon((-1, 0), TRIANGLE) == "outside"
    assert point_in_polygon((0, -1), TRIANGLE) == "outside"
    assert point_in_polygon((0.5, 3), TRIANGLE[::-1]) == "inside"
    assert point_in_polygon((7, 4), [(5, 6), (9, 2), (0, 0)]) == "boundary"
    assert point_in_polygon((4, 3), [(5, 6), (9, 2), (0, 0)]) == "inside"


def test_is_convex():
    assert is_convex(SQUARE) is True
    assert is_convex(SQUARE[::-1]) is True
    assert is_convex(TRIANGLE) is True
    assert is_convex(L_SHAPE) is False
    assert is_convex(L_SHAPE[::-1]) is False
    assert is_convex([(2, 2), (2, 4), (0, 4), (0, 0), (4, 0), (4, 2)]) is False
    assert is_convex([(0, 0), (2, 0), (4, 0), (4, 4), (0, 4)]) is True
    assert is_convex([(0, 0), (1, 1), (2, 2)]) is False
    assert is_convex([(0, 0), (1, 1)]) is False


def test_convex_hull():
    points = [(0, 0), (2, 0), (4, 0), (4, 4), (0, 4), (2, 2), (1, 3), (4, 2)]
    assert convex_hull(points) == [(0, 0), (4, 0), (4, 4), (0, 4)]
    assert convex_hull([(1, 1), (0, 0), (5, 0), (0, 5), (1, 2)]) == [(0, 0), (5, 0), (0, 5)]
    assert convex_hull([(3, 1), (0, 2), (1, 0), (2, 3), (1, 1)]) == [(0, 2), (1, 0), (3, 1), (2, 3)]
    assert convex_hull([(2, 1), (1, 1), (0, 0), (2, 0)]) == [(0, 0), (2, 0), (2, 1), (1, 1)]
    assert convex_hull([(0, 0), (1, 1), (2, 2)]) == [(0, 0), (2, 2)]
    assert convex_hull([(1, 1), (1, 1)]) == [(1, 1)]
    assert convex_hull([]) == []


def test_point_collinear_with_horizontal_edges():
    rect = [(1, 1), (6, 1), (6, 4), (1, 4)]
    for point in [(3, 1), (2, 4), (5, 4), (6, 2)]:
        assert point_in_polygon(point, rect) == "boundary"
    for point in [(7, 1), (0, 1), (7, 4), (0, 4), (6, 5)]:
        assert point_in_polygon(point, rect) == "outside"
    assert point_in_polygon((3, 2), rect) == "inside"
    tall = [(0, 1), (3, 1), (3, 5), (0, 5)]
    assert point_in_polygon((3, 7), tall) == "outside"
    assert point_in_polygon((3, 0), tall) == "outside"
    assert point_in_polygon((3, 2), tall) == "boundary"
    shifted = [(3, 1), (8, 1), (8, 4), (3, 4)]
    for point in [(5, 1), (3.5, 4), (7, 4), (8, 2)]:
        assert point_in_polygon(point, shifted) == "boundary"
    for point in [(9, 1), (2, 1), (9, 4), (2, 4)]:
        assert point_in_polygon(point, shifted) == "outside"
