import java.util.List;
import java.util.Objects;

public class PolynomialTest {
    // 3x^2 - 2x + 1
    private static final Polynomial P = new Polynomial(1, -2, 3);
    private static final Polynomial ZERO = new Polynomial();

    private static Polynomial poly(long... coefficients) {
        return new Polynomial(coefficients);
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

    static void testDegreeAndCoefficients() {
        checkEquals(2, P.degree());
        checkEquals(0, poly(5).degree());
        checkEquals(-1, ZERO.degree());
        checkEquals(-1, poly(0, 0).degree());
        checkEquals(1, poly(1, 2, 0, 0).degree());
        checkEquals(3L, P.coefficient(2));
        checkEquals(1L, P.coefficient(0));
        checkEquals(0L, P.coefficient(3));
        checkEquals(0L, P.coefficient(-1));
    }

    static void testEvaluate() {
        checkEquals(1L, P.evaluate(0));
        checkEquals(9L, P.evaluate(2));
        checkEquals(6L, P.evaluate(-1));
        checkEquals(0L, ZERO.evaluate(7));
        checkEquals(1000L, poly(0, 0, 0, 1).evaluate(10));
        checkEquals(5L, poly(-1, 2, -6, 2).evaluate(3));
    }

    static void testDerivative() {
        checkEquals(poly(-2, 6), P.derivative());
        checkEquals(ZERO, poly(5).derivative());
        checkEquals(ZERO, ZERO.derivative());
        checkEquals(poly(1, 0, 0, 4), poly(0, 1, 0, 0, 1).derivative());
        checkEquals(poly(2), poly(9, 2).derivative());
    }

    static void testAddAndSubtract() {
        checkEquals(poly(1, 0, 4), P.add(poly(0, 2, 1)));
        checkEquals(poly(1, 0, 5), poly(1).add(poly(0, 0, 5)));
        checkEquals(poly(1, 0, 5), poly(0, 0, 5).add(poly(1)));
        checkEquals(-1, P.add(poly(-1, 2, -3)).degree());
        checkEquals(ZERO, P.subtract(P));
        checkEquals(poly(0, -2, 3), P.subtract(poly(1)));
        checkEquals(poly(1, -1), poly(1).subtract(poly(0, 1)));
    }

    static void testMultiply() {
        checkEquals(poly(-1, 0, 1), poly(1, 1).multiply(poly(-1, 1)));
        checkEquals(poly(1, 2, 1), poly(1, 1).multiply(poly(1, 1)));
        checkEquals(poly(1, 2, 2, 1), poly(1, 1).multiply(poly(1, 1, 1)));
        checkEquals(poly(6, 0, 2), poly(2).multiply(poly(3, 0, 1)));
        checkEquals(ZERO, P.multiply(ZERO));
        checkEquals(ZERO, ZERO.multiply(P));
        checkEquals(ZERO, ZERO.multiply(ZERO));
        checkEquals(poly(-1, 2, -3), P.multiply(poly(-1)));
    }

    static void testCompose() {
        checkEquals(poly(2, 4, 3), P.compose(poly(1, 1)));
        checkEquals(poly(0, 0, 4), poly(0, 0, 1).compose(poly(0, 2)));
        checkEquals(poly(7), poly(7).compose(P));
        checkEquals(ZERO, ZERO.compose(P));
    }

    static void testIntegerRoots() {
        Polynomial cubic = poly(6, -5, -2, 1);
        checkEquals(List.of(-2L, 1L, 3L), cubic.integerRoots(-5, 5));
        checkEquals(List.of(-2L, 1L), cubic.integerRoots(-2, 1));
        checkEquals(List.of(3L), cubic.integerRoots(3, 3));
        checkEquals(List.of(), cubic.integerRoots(2, 2));
        checkEquals(List.of(), poly(1, 0, 1).integerRoots(-10, 10));
        boolean thrown = false;
        try {
            ZERO.integerRoots(0, 1);
        } catch (IllegalStateException expected) {
            thrown = true;
        }
        check(thrown, "zero polynomial has no finite root list");
    }

    static void testToString() {
        checkEquals("3x^2 - 2x + 1", P.toString());
        checkEquals("x", poly(0, 1).toString());
        checkEquals("-x^3", poly(0, 0, 0, -1).toString());
        checkEquals("0", ZERO.toString());
        checkEquals("5", poly(5).toString());
        checkEquals("-1", poly(-1).toString());
        checkEquals("1", poly(1).toString());
        checkEquals("x^2 + 1", poly(1, 0, 1).toString());
        checkEquals("-x - 1", poly(-1, -1).toString());
        checkEquals("-x^2 - 7", poly(-7, 0, -1).toString());
        checkEquals("2x + 1", poly(1, 2).toString());
        checkEquals("x^10 + 2", poly(2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1).toString());
    }

    static void testEqualsAndHashCode() {
        check(poly(1, 2, 0).equals(poly(1, 2)), "trailing zero ignored");
        checkEquals(poly(1, 2, 0).hashCode(), poly(1, 2).hashCode());
        check(!poly(1, 2).equals(poly(1, 3)), "different coefficient");
        check(!poly(1, 2).equals("2x + 1"), "not a polynomial");
    }
}
