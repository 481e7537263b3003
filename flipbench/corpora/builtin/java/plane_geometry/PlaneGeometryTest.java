import java.util.Objects;

public class PlaneGeometryTest {
    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new AssertionError(what);
        }
    }

    private static void checkEquals(Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            throw new AssertionError("expected <" + expected + "> but was <" + actual + ">");
        }
    }

    private static PlaneGeometry.Point pt(int x, int y) {
        return new PlaneGeometry.Point(x, y);
    }

    private static PlaneGeometry.Point[] polygon(int... coordinates) {
        PlaneGeometry.Point[] points = new PlaneGeometry.Point[coordinates.length / 2];
        for (int i = 0; i < points.length; i++) {
            points[i] = pt(coordinates[2 * i], coordinates[2 * i + 1]);
        }
        return points;
    }

    private static boolean crosses(int ax, int ay, int bx, int by, int cx, int cy, int dx, int dy) {
        return PlaneGeometry.segmentsIntersect(pt(ax, ay), pt(bx, by), pt(cx, cy), pt(dx, dy));
    }

    private static final PlaneGeometry.Point[] SQUARE = polygon(0, 0, 4, 0, 4, 4, 0, 4);
    private static final PlaneGeometry.Point[] TRIANGLE = polygon(0, 0, 4, 0, 0, 3);
    private static final PlaneGeometry.Point[] L_SHAPE = polygon(0, 0, 4, 0, 4, 2, 2, 2, 2, 4, 0, 4);

    static void testCrossAndOrientation() {
        checkEquals(12L, PlaneGeometry.cross(pt(0, 0), pt(4, 0), pt(1, 3)));
        checkEquals(-12L, PlaneGeometry.cross(pt(0, 0), pt(1, 3), pt(4, 0)));
        checkEquals(1, PlaneGeometry.orientation(pt(1, 1), pt(3, 2), pt(2, 5)));
        checkEquals(-1, PlaneGeometry.orientation(pt(1, 1), pt(2, 5), pt(3, 2)));
        checkEquals(0, PlaneGeometry.orientation(pt(0, 0), pt(2, 2), pt(5, 5)));
        checkEquals(-8L, PlaneGeometry.cross(pt(2, 1), pt(4, 3), pt(6, 1)));
    }

    static void testOnSegment() {
        check(PlaneGeometry.onSegment(pt(2, 2), pt(0, 0), pt(4, 4)), "middle");
        check(PlaneGeometry.onSegment(pt(0, 0), pt(0, 0), pt(4, 4)), "endpoint");
        check(PlaneGeometry.onSegment(pt(4, 4), pt(4, 4), pt(0, 0)), "endpoint of a reversed segment");
        check(!PlaneGeometry.onSegment(pt(5, 5), pt(0, 0), pt(4, 4)), "collinear but beyond");
        check(!PlaneGeometry.onSegment(pt(-1, -1), pt(0, 0), pt(4, 4)), "collinear but before");
        check(!PlaneGeometry.onSegment(pt(2, 3), pt(0, 0), pt(4, 4)), "off the line");
        check(PlaneGeometry.onSegment(pt(3, 7), pt(3, 9), pt(3, 1)), "vertical segment");
        check(!PlaneGeometry.onSegment(pt(3, 0), pt(3, 9), pt(3, 1)), "below a vertical segment");
        check(!PlaneGeometry.onSegment(pt(3, 10), pt(3, 9), pt(3, 1)), "above a vertical segment");
        check(!PlaneGeometry.onSegment(pt(10, 2), pt(9, 2), pt(1, 2)), "right of a horizontal segment");
    }

    static void testSegmentsIntersect() {
        check(crosses(0, 0, 4, 4, 0, 4, 4, 0), "an X");
        check(!crosses(0, 0, 4, 0, 0, 1, 4, 1), "parallel");
        check(crosses(0, 0, 4, 0, 2, 0, 2, 3), "T junction");
        check(crosses(0, 0, 4, 0, 0, 0, 0, 3), "shared endpoint");
        check(!crosses(0, 0, 2, 2, 3, 0, 3, 5), "lines cross beyond the first segment");
        check(!crosses(3, 0, 3, 5, 0, 0, 2, 2), "same, swapped");
        check(!crosses(0, 0, 4, 0, 1, 1, 3, 5), "entirely above");
    }

    static void testCollinearSegments() {
        check(crosses(0, 0, 4, 0, 3, 0, 6, 0), "overlap, c inside ab");
        check(crosses(0, 0, 4, 0, 6, 0, 3, 0), "overlap, d inside ab");
        check(crosses(1, 0, 2, 0, 0, 0, 4, 0), "ab inside cd");
        check(crosses(0, 0, 2, 0, 2, 0, 5, 0), "touching ends");
        check(!crosses(0, 0, 2, 0, 3, 0, 5, 0), "collinear with a gap");
        check(!crosses(3, 0, 5, 0, 0, 0, 2, 0), "gap, swapped");
    }

    static void testAreaPerimeterAndOrientation() {
        checkEquals(32L, PlaneGeometry.doubledSignedArea(SQUARE));
        checkEquals(16.0, PlaneGeometry.area(SQUARE));
        checkEquals(16.0, PlaneGeometry.perimeter(SQUARE));
        check(PlaneGeometry.isCounterClockwise(SQUARE), "square is counter-clockwise");
        PlaneGeometry.Point[] clockwise = polygon(0, 4, 4, 4, 4, 0, 0, 0);
        checkEquals(-32L, PlaneGeometry.doubledSignedArea(clockwise));
        checkEquals(16.0, PlaneGeometry.area(clockwise));
        check(!PlaneGeometry.isCounterClockwise(clockwise), "reversed square is clockwise");
        checkEquals(6.0, PlaneGeometry.area(TRIANGLE));
        checkEquals(12.0, PlaneGeometry.perimeter(TRIANGLE));
        checkEquals(12.0, PlaneGeometry.area(L_SHAPE));
        checkEquals(16.0, PlaneGeometry.perimeter(L_SHAPE));
        checkEquals(7.0, PlaneGeometry.area(polygon(1, 1, 4, 2, 2, 6)));
        checkEquals(12.0, PlaneGeometry.perimeter(polygon(-1, -2, 2, 2, -1, 2)));
    }

    static void testLocatePointInPolygon() {
        checkEquals(1, PlaneGeometry.locate(pt(1, 1), L_SHAPE));
        checkEquals(1, PlaneGeometry.locate(pt(1, 3), L_SHAPE));
        checkEquals(1, PlaneGeometry.locate(pt(1, 2), L_SHAPE));
        checkEquals(1, PlaneGeometry.locate(pt(3, 1), L_SHAPE));
        checkEquals(-1, PlaneGeometry.locate(pt(3, 3), L_SHAPE));
        checkEquals(-1, PlaneGeometry.locate(pt(5, 1), L_SHAPE));
        checkEquals(-1, PlaneGeometry.locate(pt(-1, 2), L_SHAPE));
        checkEquals(-1, PlaneGeometry.locate(pt(1, 5), L_SHAPE));
        checkEquals(0, PlaneGeometry.locate(pt(2, 3), L_SHAPE));
        checkEquals(0, PlaneGeometry.locate(pt(3, 2), L_SHAPE));
        checkEquals(0, PlaneGeometry.locate(pt(0, 0), L_SHAPE));
        checkEquals(0, PlaneGeometry.locate(pt(4, 1), L_SHAPE));
        checkEquals(1, PlaneGeometry.locate(pt(1, 1), TRIANGLE));
        checkEquals(-1, PlaneGeometry.locate(pt(3, 2), TRIANGLE));
        checkEquals(1, PlaneGeometry.locate(pt(1, 1), polygon(0, 4, 4, 4, 4, 0, 0, 0)));
        checkEquals(0, PlaneGeometry.locate(pt(2, 0), L_SHAPE));
        checkEquals(1, PlaneGeometry.locate(pt(1, 1), polygon(0, 0, 2, 1, 0, 2)));
    }

    static void testRayThroughVertices() {
        PlaneGeometry.Point[] diamond = polygon(2, 0, 4, 2, 2, 4, 0, 2);
        checkEquals(1, PlaneGeometry.locate(pt(1, 2), diamond));
        checkEquals(1, PlaneGeometry.locate(pt(2, 2), diamond));
        checkEquals(-1, PlaneGeometry.locate(pt(-1, 2), diamond));
        checkEquals(-1, PlaneGeometry.locate(pt(-1, 0), diamond));
        checkEquals(-1, PlaneGeometry.locate(pt(0, 2), polygon(0, 0, 4, 0, 2, 2)));
        checkEquals(-1, PlaneGeometry.locate(pt(0, 0), polygon(2, 0, 4, 2, 0, 2)));
    }

    static void testConvexity() {
        check(PlaneGeometry.isConvex(SQUARE), "square");
        check(PlaneGeometry.isConvex(TRIANGLE), "triangle");
        check(!PlaneGeometry.isConvex(L_SHAPE), "L shape");
        check(PlaneGeometry.isConvex(polygon(0, 0, 2, 0, 4, 0, 4, 4, 0, 4)), "collinear vertex");
        check(PlaneGeometry.isConvex(polygon(0, 4, 4, 4, 4, 0, 0, 0)), "clockwise square");
        check(!PlaneGeometry.isConvex(polygon(0, 0, 4, 0, 1, 1, 0, 4)), "dart");
        check(!PlaneGeometry.isConvex(polygon(4, 0, 1, 1, 0, 4, 0, 0)), "dart turning first at its dent");
        check(!PlaneGeometry.isConvex(polygon(1, 1, 0, 4, 0, 0, 4, 0)), "dart turning last at its dent");
    }

    static void testLatticePointsByPick() {
        checkEquals(16L, PlaneGeometry.boundaryLatticePoints(SQUARE));
        checkEquals(9L, PlaneGeometry.interiorLatticePoints(SQUARE));
        checkEquals(8L, PlaneGeometry.boundaryLatticePoints(TRIANGLE));
        checkEquals(3L, PlaneGeometry.interiorLatticePoints(TRIANGLE));
        checkEquals(16L, PlaneGeometry.boundaryLatticePoints(L_SHAPE));
        checkEquals(5L, PlaneGeometry.interiorLatticePoints(L_SHAPE));
        checkEquals(3L, PlaneGeometry.boundaryLatticePoints(polygon(0, 0, 3, 5, 1, 2)));
    }

    static void testTooFewVerticesAreRejected() {
        PlaneGeometry.Point[] segment = polygon(0, 0, 1, 1);
        Runnable[] calls = {
            () -> PlaneGeometry.area(segment),
            () -> PlaneGeometry.perimeter(segment),
            () -> PlaneGeometry.locate(pt(0, 0), segment),
            () -> PlaneGeometry.isConvex(segment),
            () -> PlaneGeometry.boundaryLatticePoints(segment),
        };
        for (int i = 0; i < calls.length; i++) {
            try {
                calls[i].run();
                throw new AssertionError("two vertices accepted by call " + i);
            } catch (IllegalArgumentException expected) {
                checkEquals("a polygon needs at least 3 vertices, got 2", expected.getMessage());
            }
        }
        checkEquals(0.0, PlaneGeometry.area(polygon(0, 0, 1, 1, 2, 2)));
        check(!PlaneGeometry.isCounterClockwise(polygon(0, 0, 1, 1, 2, 2)), "a flat polygon has no orientation");
        check(PlaneGeometry.isCounterClockwise(polygon(0, 0, 1, 0, 0, 1)), "smallest counter-clockwise triangle");
        checkEquals(1L, PlaneGeometry.doubledSignedArea(polygon(0, 0, 1, 0, 0, 1)));
    }
}
