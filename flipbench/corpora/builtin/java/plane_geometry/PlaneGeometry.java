/** Geometry on integer points: orientation, segment intersection and simple polygons. */
public class PlaneGeometry {
    public record Point(int x, int y) {
    }

    /** Cross product of (b - a) and (c - a): positive for a left turn, negative for a right turn. */
    public static long cross(Point a, Point b, Point c) {
        return (long) (b.x() - a.x()) * (c.y() - a.y()) - (long) (b.y() - a.y()) * (c.x() - a.x());
    }

    /** 1 for counter-clockwise, -1 for clockwise, 0 for collinear. */
    public static int orientation(Point a, Point b, Point c) {
        return Long.signum(cross(a, b, c));
    }

    /** Whether p lies on the segment from a to b, endpoints included. */
    public static boolean onSegment(Point p, Point a, Point b) {
        return cross(a, b, p) == 0
            && Math.min(a.x(), b.x()) <= p.x() && p.x() <= Math.max(a.x(), b.x())
            && Math.min(a.y(), b.y()) <= p.y() && p.y() <= Math.max(a.y(), b.y());
    }

    /** Whether segments ab and cd share a point; touching and overlapping count. */
    public static boolean segmentsIntersect(Point a, Point b, Point c, Point d) {
        int o1 = orientation(a, b, c);
        int o2 = orientation(a, b, d);
        int o3 = orientation(c, d, a);
        int o4 = orientation(c, d, b);
        if (o1 != o2 && o3 != o4) {
            return true;
        }
        // the remaining cases are collinear: check whether an endpoint lies on the other segment
        if (o1 == 0 && onSegment(c, a, b)) {
            return true;
        }
        if (o2 == 0 && onSegment(d, a, b)) {
            return true;
        }
        return o3 == 0 && onSegment(a, c, d);
    }

    /** Twice the signed area (shoelace formula); positive when the vertices run counter-clockwise. */
    public static long doubledSignedArea(Point[] polygon) {
        requirePolygon(polygon);
        long sum = 0;
        for (int i = 0; i < polygon.length; i++) {
            Point p = polygon[i];
            Point q = polygon[(i + 1) % polygon.length];
            sum += (long) p.x() * q.y() - (long) q.x() * p.y();
        }
        return sum;
    }

    public static double area(Point[] polygon) {
        return Math.abs(doubledSignedArea(polygon)) / 2.0;
    }

    public static boolean isCounterClockwise(Point[] polygon) {
        return doubledSignedArea(polygon) > 0;
    }

    public static double perimeter(Point[] polygon) {
        requirePolygon(polygon);
        double total = 0;
        for (int i = 0; i < polygon.length; i++) {
            Point p = polygon[i];
            Point q = polygon[(i + 1) % polygon.length];
            long dx = q.x() - p.x();
            long dy = q.y() - p.y();
            total += Math.sqrt(dx * dx + dy * dy);
        }
        return total;
    }

    /** 1 if p is inside the polygon, 0 if on its boundary, -1 if outside (ray casting to the right). */
    public static int locate(Point p, Point[] polygon) {
        requirePolygon(polygon);
        boolean inside = false;
        for (int i = 0; i < polygon.length; i++) {
            Point a = polygon[i];
            Point b = polygon[(i + 1) % polygon.length];
            if (onSegment(p, a, b)) {
                return 0;
            }
            boolean straddles = (a.y() > p.y()) != (b.y() > p.y());
            // the edge crosses the ray right of p exactly when p is on the matching side of it
            if (straddles && (b.y() > a.y()) == (cross(a, b, p) > 0)) {
                inside = !inside;
            }
        }
        return inside ? 1 : -1;
    }

    /** Whether every turn goes the same way (collinear vertices are allowed). */
    public static boolean isConvex(Point[] polygon) {
        requirePolygon(polygon);
        int n = polygon.length;
        int sign = 0;
        for (int i = 0; i < n; i++) {
            int turn = orientation(polygon[i], polygon[(i + 1) % n], polygon[(i + 2) % n]);
            if (turn == 0) {
                continue;
            }
            if (sign == 0) {
                sign = turn;
            } else if (turn != sign) {
                return false;
            }
        }
        return true;
    }

    /** Lattice points on the boundary: each edge contributes gcd(|dx|, |dy|). */
    public static long boundaryLatticePoints(Point[] polygon) {
        requirePolygon(polygon);
        long count = 0;
        for (int i = 0; i < polygon.length; i++) {
            Point p = polygon[i];
            Point q = polygon[(i + 1) % polygon.length];
            count += gcd(Math.abs(q.x() - p.x()), Math.abs(q.y() - p.y()));
        }
        return count;
    }

    /** Lattice points strictly inside, by Pick's theorem: A = I + B/2 - 1. */
    public static long interiorLatticePoints(Point[] polygon) {
        long doubledArea = Math.abs(doubledSignedArea(polygon));
        return (doubledArea - boundaryLatticePoints(polygon) + 2) / 2;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }

    private static void requirePolygon(Point[] polygon) {
        if (polygon.length < 3) {
            throw new IllegalArgumentException("a polygon needs at least 3 vertices, got " + polygon.length);
        }
    }
}
