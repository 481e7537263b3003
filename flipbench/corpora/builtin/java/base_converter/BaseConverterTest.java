import java.util.Objects;

public class BaseConverterTest {
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

    private static void checkRejected(Runnable action, String what) {
        try {
            action.run();
        } catch (IllegalArgumentException expected) {
            // NumberFormatException is an IllegalArgumentException too
            return;
        }
        throw new AssertionError("expected rejection: " + what);
    }

    private static String widthError(int bits) {
        try {
            BaseConverter.toTwosComplement(0, bits);
        } catch (IllegalArgumentException expected) {
            return expected.getMessage();
        }
        throw new AssertionError("expected rejection of width " + bits);
    }

    static void testToBase() {
        checkEquals("ff", BaseConverter.toHex(255));
        checkEquals("1010", BaseConverter.toBinary(10));
        checkEquals("10", BaseConverter.toOctal(8));
        checkEquals("7", BaseConverter.toOctal(7));
        checkEquals("0", BaseConverter.toHex(0));
        checkEquals("-ff", BaseConverter.toBase(-255, 16));
        checkEquals("z", BaseConverter.toBase(35, 36));
        checkEquals("10", BaseConverter.toBase(36, 36));
        checkEquals("-8000000000000000", BaseConverter.toHex(Long.MIN_VALUE));
        checkEquals("111111111111111111111111111111111111111111111111111111111111111", BaseConverter.toBinary(Long.MAX_VALUE));
        checkRejected(() -> BaseConverter.toBase(5, 1), "base 1");
        checkRejected(() -> BaseConverter.toBase(5, 37), "base 37");
        checkEquals("101", BaseConverter.toBase(5, 2));
    }

    static void testParse() {
        checkEquals(255L, BaseConverter.parse("ff", 16));
        checkEquals(255L, BaseConverter.parse("FF", 16));
        checkEquals(-10L, BaseConverter.parse("-1010", 2));
        checkEquals(15L, BaseConverter.parse("+17", 8));
        checkEquals(35L, BaseConverter.parse("z", 36));
        checkEquals(36L, BaseConverter.parse("10", 36));
        checkEquals(15628859L, BaseConverter.parse("09azAZ", 36));
        checkEquals(Long.MAX_VALUE, BaseConverter.parse("9223372036854775807", 10));
        checkEquals(Long.MAX_VALUE, BaseConverter.parse("7fffffffffffffff", 16));
        checkEquals(-Long.MAX_VALUE, BaseConverter.parse("-9223372036854775807", 10));
        checkRejected(() -> BaseConverter.parse("9", 37), "base 37");
    }

    static void testParseRejectsBadInput() {
        checkRejected(() -> BaseConverter.parse("2", 2), "digit equal to base");
        checkRejected(() -> BaseConverter.parse("g", 16), "g in hex");
        checkRejected(() -> BaseConverter.parse("G", 16), "G in hex");
        checkRejected(() -> BaseConverter.parse("", 10), "empty");
        checkRejected(() -> BaseConverter.parse("-", 10), "sign only");
        checkRejected(() -> BaseConverter.parse("1 2", 10), "space");
        checkRejected(() -> BaseConverter.parse("/", 36), "slash");
        checkRejected(() -> BaseConverter.parse(":", 36), "colon");
        checkRejected(() -> BaseConverter.parse("@", 36), "at sign");
        checkRejected(() -> BaseConverter.parse("[", 36), "bracket");
        checkRejected(() -> BaseConverter.parse("`", 36), "backtick");
        checkRejected(() -> BaseConverter.parse("{", 36), "brace");
        checkRejected(() -> BaseConverter.parse("9223372036854775808", 10), "just past max");
        checkRejected(() -> BaseConverter.parse("8000000000000000", 16), "hex just past max");
    }

    static void testParseLiteral() {
        checkEquals(31L, BaseConverter.parseLiteral("0x1F"));
        checkEquals(31L, BaseConverter.parseLiteral("0X1f"));
        checkEquals(10L, BaseConverter.parseLiteral("0b1010"));
        checkEquals(511L, BaseConverter.parseLiteral("0o777"));
        checkEquals(1000000L, BaseConverter.parseLiteral("1_000_000"));
        checkEquals(-16L, BaseConverter.parseLiteral("-0x10"));
        checkEquals(10L, BaseConverter.parseLiteral("010"));
        checkEquals(0L, BaseConverter.parseLiteral("0"));
        checkEquals(42L, BaseConverter.parseLiteral("42"));
        checkEquals(1L, BaseConverter.parseLiteral("0x1"));
        checkEquals(165L, BaseConverter.parseLiteral("0b1010_0101"));
    }

    static void testParseLiteralRejectsBadInput() {
        checkRejected(() -> BaseConverter.parseLiteral("_1"), "leading underscore");
        checkRejected(() -> BaseConverter.parseLiteral("1_"), "trailing underscore");
        checkRejected(() -> BaseConverter.parseLiteral("1__0"), "double underscore");
        checkRejected(() -> BaseConverter.parseLiteral("0x_1"), "underscore after prefix");
        checkRejected(() -> BaseConverter.parseLiteral("0x"), "prefix only");
        checkRejected(() -> BaseConverter.parseLiteral("0b102"), "bad binary digit");
        checkRejected(() -> BaseConverter.parseLiteral("0o8"), "bad octal digit");
        checkRejected(() -> BaseConverter.parseLiteral("-0x-5"), "second sign");
        checkRejected(() -> BaseConverter.parseLiteral("0x+5"), "plus after prefix");
    }

    static void testTwosComplement() {
        checkEquals("11111111", BaseConverter.toTwosComplement(-1, 8));
        checkEquals("00000101", BaseConverter.toTwosComplement(5, 8));
        checkEquals("10000000", BaseConverter.toTwosComplement(-128, 8));
        checkEquals("01111111", BaseConverter.toTwosComplement(127, 8));
        checkEquals("0", BaseConverter.toTwosComplement(0, 1));
        checkEquals("1", BaseConverter.toTwosComplement(-1, 1));
        checkEquals("0" + "1".repeat(62), BaseConverter.toTwosComplement((1L << 62) - 1, 63));
        checkRejected(() -> BaseConverter.toTwosComplement(128, 8), "128 in 8 bits");
        checkRejected(() -> BaseConverter.toTwosComplement(-129, 8), "-129 in 8 bits");
        checkEquals("bits must be 1 to 63", widthError(0));
        checkEquals("bits must be 1 to 63", widthError(64));
    }

    static void testFromTwosComplement() {
        checkEquals(-1L, BaseConverter.fromTwosComplement("11111111"));
        checkEquals(127L, BaseConverter.fromTwosComplement("01111111"));
        checkEquals(-128L, BaseConverter.fromTwosComplement("10000000"));
        checkEquals(-3L, BaseConverter.fromTwosComplement("101"));
        checkEquals(0L, BaseConverter.fromTwosComplement("0"));
        checkEquals(-1L, BaseConverter.fromTwosComplement("1"));
    }

    static void testGroupDigits() {
        checkEquals("1101 0110", BaseConverter.groupDigits("11010110", 4, ' '));
        checkEquals("101 0110", BaseConverter.groupDigits("1010110", 4, ' '));
        checkEquals("1,000,000", BaseConverter.groupDigits("1000000", 3, ','));
        checkEquals("123", BaseConverter.groupDigits("123", 3, ','));
        checkEquals("12", BaseConverter.groupDigits("12", 3, ','));
        checkEquals("", BaseConverter.groupDigits("", 3, ','));
    }
}
