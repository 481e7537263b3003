import java.util.Objects;

public class MatrixTest {
    private static final Matrix A = m(new long[][] {{1, 2}, {3, 4}});
    private static final Matrix B = m(new long[][] {{5, 6}, {7, 8}});
    private static final Matrix C = m(new long[][] {{1, 2, 3}, {4, 5, 6}});
    private static final Matrix D = m(new long[][] {{7, 8}, {9, 10}, {11, 12}});

    private static Matrix m(long[][] rows) {
        return new Matrix(rows);
    }

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

    private static void checkThrows(Runnable action, String what) {
        try {
            action.run();
        } catch (IllegalArgumentException | IllegalStateException expected) {
            return;
        }
        throw new AssertionError("expected an exception: " + what);
    }

    static void testConstructionValidatesAndCopies() {
        long[][] rows = {{1, 2}, {3, 4}};
        Matrix matrix = m(rows);
        rows[0][0] = 99;
        checkEquals(1L, matrix.get(0, 0));
        checkEquals(2, C.rows());
        checkEquals(3, C.cols());
        checkEquals(6L, C.get(1, 2));
        checkThrows(() -> m(new long[][] {}), "no rows");
        checkThrows(() -> m(new long[][] {{}}), "no columns");
        checkThrows(() -> m(new long[][] {{1, 2}, {3}}), "ragged");
        String message = "";
        try {
            m(new long[][] {{1, 2}, {3, 4}, {5}});
        } catch (IllegalArgumentException expected) {
            message = expected.getMessage();
        }
        checkEquals("row 2 has 1 columns", message);
        checkThrows(() -> m(new long[][] {{1}, {2, 3}}), "ragged the other way");
    }

    static void testMultiply() {
        checkEquals(m(new long[][] {{19, 22}, {43, 50}}), A.multiply(B));
        checkEquals(m(new long[][] {{23, 34}, {31, 46}}), B.multiply(A));
        checkEquals(m(new long[][] {{58, 64}, {139, 154}}), C.multiply(D));
        checkEquals(m(new long[][] {{39, 54, 69}, {49, 68, 87}, {59, 82, 105}}), D.multiply(C));
        checkEquals(A, A.multiply(Matrix.identity(2)));
        checkThrows(() -> C.multiply(C), "2x3 times 2x3");
    }

    static void testAddAndTranspose() {
        checkEquals(m(new long[][] {{6, 8}, {10, 12}}), A.add(B));
        checkThrows(() -> A.add(C), "2x2 plus 2x3");
        checkThrows(() -> C.add(D), "2x3 plus 3x2");
        checkEquals(m(new long[][] {{1, 4}, {2, 5}, {3, 6}}), C.transpose());
        checkEquals(C, C.transpose().transpose());
        checkEquals(m(new long[][] {{1, 3}, {2, 4}}), A.transpose());
    }

    static void testDeterminant() {
        checkEquals(-2L, A.determinant());
        checkEquals(7L, m(new long[][] {{7}}).determinant());
        checkEquals(-306L, m(new long[][] {{6, 1, 1}, {4, -2, 5}, {2, 8, 7}}).determinant());
        checkEquals(30L, m(new long[][] {{1, 0, 2, -1}, {3, 0, 0, 5}, {2, 1, 4, -3}, {1, 0, 5, 0}}).determinant());
        checkEquals(1L, Matrix.identity(4).determinant());
        checkThrows(() -> C.determinant(), "not square");
    }

    static void testPower() {
        checkEquals(Matrix.identity(2), A.power(0));
        checkEquals(A, A.power(1));
        checkEquals(m(new long[][] {{7, 10}, {15, 22}}), A.power(2));
        checkEquals(m(new long[][] {{37, 54}, {81, 118}}), A.power(3));
        checkEquals(m(new long[][] {{1069, 1558}, {2337, 3406}}), A.power(5));
        checkEquals(m(new long[][] {{89, 55}, {55, 34}}), m(new long[][] {{1, 1}, {1, 0}}).power(10));
        checkThrows(() -> A.power(-1), "negative exponent");
        checkThrows(() -> C.power(2), "not square");
        checkThrows(() -> C.power(0), "not square, zero exponent");
    }

    static void testTraceAndSymmetry() {
        checkEquals(5L, A.trace());
        checkEquals(3L, Matrix.identity(3).trace());
        checkThrows(() -> D.trace(), "not square");
        check(m(new long[][] {{1, 2}, {2, 3}}).isSymmetric(), "2x2 symmetric");
        check(m(new long[][] {{1, 2, 3}, {2, 5, 6}, {3, 6, 9}}).isSymmetric(), "3x3 symmetric");
        check(!m(new long[][] {{1, 2, 3}, {2, 5, 6}, {3, 7, 9}}).isSymmetric(), "last pair differs");
        check(!A.isSymmetric(), "A");
        check(!C.isSymmetric(), "not square");
        check(!m(new long[][] {{1, 2}, {2, 1}, {5, 6}}).isSymmetric(), "square top, extra row");
        check(m(new long[][] {{4}}).isSymmetric(), "1x1");
    }

    static void testEqualsHashCodeAndToString() {
        check(A.equals(m(new long[][] {{1, 2}, {3, 4}})), "equal values");
        checkEquals(A.hashCode(), m(new long[][] {{1, 2}, {3, 4}}).hashCode());
        check(!A.equals(B), "different values");
        check(!m(new long[][] {{1, 2}}).equals(m(new long[][] {{1}, {2}})), "different shapes");
        check(!A.equals("[[1, 2], [3, 4]]"), "not a matrix");
        checkEquals("[[1, 2], [3, 4]]", A.toString());
        checkEquals("[[1, 2, 3], [4, 5, 6]]", C.toString());
        checkEquals("[[7]]", m(new long[][] {{7}}).toString());
    }
}
