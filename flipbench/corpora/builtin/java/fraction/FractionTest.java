import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

public class FractionTest {
    private static Fraction f(long numerator, long denominator) {
        return new Fraction(numerator, denominator);
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

    private static void checkFails(Runnable action, String what) {
        try {
            action.run();
        } catch (ArithmeticException | NumberFormatException expected) {
            return;
        }
        throw new AssertionError("expected a failure: " + what);
    }

    static void testNormalization() {
        checkEquals("3/4", f(6, 8).toString());
        checkEquals("-3/4", f(6, -8).toString());
        checkEquals("3/4", f(-6, -8).toString());
        checkEquals("-3/4", f(-6, 8).toString());
        checkEquals("0", f(0, 5).toString());
        checkEquals(1L, f(0, -5).denominator());
        checkEquals(3L, f(12, 4).numerator());
        checkEquals(1L, f(12, 4).denominator());
        checkEquals("-3", f(-3, 1).toString());
        checkFails(() -> f(1, 0), "zero denominator");
    }

    static void testArithmetic() {
        checkEquals(f(5, 6), f(1, 2).add(f(1, 3)));
        checkEquals(Fraction.ONE, f(1, 2).add(f(1, 2)));
        checkEquals(f(1, 2), f(3, 4).add(f(-1, 4)));
        checkEquals(f(1, 6), f(1, 2).subtract(f(1, 3)));
        checkEquals(f(-1, 6), f(1, 3).subtract(f(1, 2)));
        checkEquals(f(1, 2), f(2, 3).multiply(f(3, 4)));
        checkEquals(f(-1, 2), f(-2, 3).multiply(f(3, 4)));
        checkEquals(f(2, 1), f(1, 2).divide(f(1, 4)));
        checkEquals(f(-1, 6), f(1, 2).divide(f(-3, 1)));
        String message = "";
        try {
            f(1, 2).divide(Fraction.ZERO);
        } catch (ArithmeticException expected) {
            message = expected.getMessage();
        }
        checkEquals("division by zero", message);
    }

    static void testNegateAndReciprocal() {
        checkEquals(f(-2, 3), f(2, 3).negate());
        checkEquals(Fraction.ZERO, Fraction.ZERO.negate());
        checkEquals(f(-3, 2), f(-2, 3).reciprocal());
        checkEquals(f(1, 5), f(5, 1).reciprocal());
        checkFails(() -> Fraction.ZERO.reciprocal(), "reciprocal of zero");
    }

    static void testPow() {
        checkEquals(f(8, 27), f(2, 3).pow(3));
        checkEquals(f(9, 4), f(2, 3).pow(-2));
        checkEquals(Fraction.ONE, f(7, 5).pow(0));
        checkEquals(f(-1, 8), f(-1, 2).pow(3));
        checkEquals(f(-1, 2), f(-2, 1).pow(-1));
        checkEquals(f(1024, 1), f(2, 1).pow(10));
        checkFails(() -> Fraction.ZERO.pow(-1), "zero to a negative power");
    }

    static void testCompareEqualsAndHash() {
        check(f(1, 3).compareTo(f(1, 2)) < 0, "1/3 < 1/2");
        check(f(-1, 2).compareTo(f(1, 3)) < 0, "-1/2 < 1/3");
        check(f(3, 4).compareTo(f(2, 3)) > 0, "3/4 > 2/3");
        checkEquals(0, f(2, 4).compareTo(f(1, 2)));
        check(f(2, 4).equals(f(1, 2)), "2/4 == 1/2");
        checkEquals(f(2, 4).hashCode(), f(1, 2).hashCode());
        check(!f(1, 2).equals(f(1, 3)), "same numerator");
        check(!f(1, 3).equals(f(2, 3)), "same denominator");
        check(!f(1, 1).equals(1L), "not a fraction");
        List<Fraction> list = new ArrayList<>(List.of(f(1, 2), f(-3, 4), f(1, 3), f(5, 4)));
        Collections.sort(list);
        checkEquals(List.of(f(-3, 4), f(1, 3), f(1, 2), f(5, 4)), list);
    }

    static void testMixedStringFloorAndDouble() {
        checkEquals("1 3/4", f(7, 4).toMixedString());
        checkEquals("-1 3/4", f(-7, 4).toMixedString());
        checkEquals("-2 1/2", f(-10, 4).toMixedString());
        checkEquals("3/4", f(3, 4).toMixedString());
        checkEquals("-3/4", f(-3, 4).toMixedString());
        checkEquals("2", f(8, 4).toMixedString());
        checkEquals("0", Fraction.ZERO.toMixedString());
        checkEquals(1L, f(7, 4).floor());
        checkEquals(1L, f(5, 4).floor());
        checkEquals(-2L, f(-7, 4).floor());
        checkEquals(-2L, f(-8, 4).floor());
        checkEquals(-1L, f(-1, 3).floor());
        checkEquals(0L, Fraction.ZERO.floor());
        checkEquals(2L, f(2, 1).floor());
        checkEquals(0.25, f(1, 4).doubleValue());
        checkEquals(-0.375, f(-3, 8).doubleValue());
    }

    static void testParse() {
        checkEquals(f(3, 4), Fraction.parse("3/4"));
        checkEquals(f(-3, 4), Fraction.parse("-6/8"));
        checkEquals(f(-1, 2), Fraction.parse("1/-2"));
        checkEquals(f(5, 1), Fraction.parse("5"));
        checkEquals(f(-90, 1), Fraction.parse("-90"));
        checkEquals(Fraction.ZERO, Fraction.parse("0/7"));
        checkFails(() -> Fraction.parse(""), "empty");
        checkFails(() -> Fraction.parse("-"), "sign only");
        checkFails(() -> Fraction.parse("1/"), "no denominator");
        checkFails(() -> Fraction.parse("a/2"), "letter");
        checkFails(() -> Fraction.parse("1/2/3"), "two slashes");
        checkFails(() -> Fraction.parse("1:2"), "colon");
        checkFails(() -> Fraction.parse("3/0"), "zero denominator");
    }
}
