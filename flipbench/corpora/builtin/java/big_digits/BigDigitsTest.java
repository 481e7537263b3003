import java.util.Objects;

public class BigDigitsTest {
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

    private static void checkRejected(String number) {
        try {
            BigDigits.normalize(number);
        } catch (NumberFormatException expected) {
            return;
        }
        throw new AssertionError("expected rejection of '" + number + "'");
    }

    private static void checkArithmeticRejects(String a, String b) {
        int failures = 0;
        try {
            BigDigits.add(a, b);
        } catch (NumberFormatException expected) {
            failures++;
        }
        try {
            BigDigits.multiply(a, b);
        } catch (NumberFormatException expected) {
            failures++;
        }
        checkEquals(2, failures);
    }

    static void testArithmeticValidatesOperands() {
        checkArithmeticRejects("1a", "2");
        checkArithmeticRejects("2", "1a");
        checkArithmeticRejects("", "2");
    }

    static void testNormalize() {
        checkEquals("7", BigDigits.normalize("007"));
        checkEquals("0", BigDigits.normalize("-000"));
        checkEquals("0", BigDigits.normalize("0"));
        checkEquals("-42", BigDigits.normalize("-0042"));
        checkEquals("100", BigDigits.normalize("100"));
        checkRejected("");
        checkRejected("-");
        checkRejected("12a");
        checkRejected("+5");
        checkRejected("1-2");
        checkRejected("/");
        checkRejected(":");
    }

    static void testCompare() {
        checkEquals(1, BigDigits.compare("10", "9"));
        checkEquals(-1, BigDigits.compare("9", "10"));
        checkEquals(-1, BigDigits.compare("-10", "9"));
        checkEquals(-1, BigDigits.compare("-10", "-9"));
        checkEquals(1, BigDigits.compare("-9", "-10"));
        checkEquals(-1, BigDigits.compare("123", "124"));
        checkEquals(1, BigDigits.compare("124", "123"));
        checkEquals(1, BigDigits.compare("5", "-5"));
        checkEquals(-1, BigDigits.compare("-5", "5"));
        checkEquals(0, BigDigits.compare("0", "-0"));
        checkEquals(0, BigDigits.compare("007", "7"));
        checkEquals(1, BigDigits.compare("100000000000000000000", "99999999999999999999"));
    }

    static void testNegate() {
        checkEquals("-5", BigDigits.negate("5"));
        checkEquals("5", BigDigits.negate("-05"));
        checkEquals("0", BigDigits.negate("0"));
    }

    static void testAddWithCarriesAndSigns() {
        checkEquals("1000", BigDigits.add("999", "1"));
        checkEquals("100", BigDigits.add("1", "99"));
        checkEquals("127", BigDigits.add("123", "4"));
        checkEquals("127", BigDigits.add("4", "123"));
        checkEquals("99", BigDigits.add("45", "54"));
        checkEquals("0", BigDigits.add("000", "0"));
        checkEquals("0", BigDigits.add("0", "000"));
        checkEquals("1111111111111111110", BigDigits.add("123456789123456789", "987654321987654321"));
        checkEquals("-2", BigDigits.add("-5", "3"));
        checkEquals("2", BigDigits.add("5", "-3"));
        checkEquals("-2", BigDigits.add("3", "-5"));
        checkEquals("2", BigDigits.add("-3", "5"));
        checkEquals("-12", BigDigits.add("-5", "-7"));
        checkEquals("0", BigDigits.add("5", "-5"));
        checkEquals("0", BigDigits.add("-5", "5"));
        checkEquals("0", BigDigits.add("0", "0"));
        checkEquals("999", BigDigits.add("1000", "-1"));
        checkEquals("-999", BigDigits.add("-1000", "1"));
    }

    static void testSubtractWithBorrows() {
        checkEquals("999", BigDigits.subtract("1000", "1"));
        checkEquals("-999", BigDigits.subtract("1", "1000"));
        checkEquals("99999999999999999999", BigDigits.subtract("100000000000000000000", "1"));
        checkEquals("1", BigDigits.subtract("500", "499"));
        checkEquals("0", BigDigits.subtract("-3", "-3"));
        checkEquals("20", BigDigits.subtract("12", "-8"));
        checkEquals("18", BigDigits.subtract("52", "34"));
        checkEquals("118", BigDigits.subtract("152", "34"));
        checkEquals("-20", BigDigits.subtract("-12", "8"));
    }

    static void testMultiply() {
        checkEquals("408", BigDigits.multiply("12", "34"));
        checkEquals("-408", BigDigits.multiply("-12", "34"));
        checkEquals("-408", BigDigits.multiply("12", "-34"));
        checkEquals("408", BigDigits.multiply("-12", "-34"));
        checkEquals("0", BigDigits.multiply("0", "-5"));
        checkEquals("9801", BigDigits.multiply("99", "99"));
        checkEquals("100", BigDigits.multiply("10", "10"));
        checkEquals("7", BigDigits.multiply("1", "7"));
        checkEquals("121932631112635269", BigDigits.multiply("123456789", "987654321"));
    }

    static void testPowerAndFactorial() {
        checkEquals("1267650600228229401496703205376", BigDigits.power("2", 100));
        checkEquals("-27", BigDigits.power("-3", 3));
        checkEquals("25", BigDigits.power("5", 2));
        checkEquals("10", BigDigits.power("10", 1));
        checkEquals("1", BigDigits.power("7", 0));
        boolean thrown = false;
        try {
            BigDigits.power("2", -1);
        } catch (IllegalArgumentException expected) {
            thrown = true;
        }
        check(thrown, "negative exponent");
        checkEquals("1", BigDigits.factorial(0));
        checkEquals("1", BigDigits.factorial(1));
        checkEquals("2", BigDigits.factorial(2));
        checkEquals("120", BigDigits.factorial(5));
        checkEquals("2432902008176640000", BigDigits.factorial(20));
        checkEquals("15511210043330985984000000", BigDigits.factorial(25));
    }
}
