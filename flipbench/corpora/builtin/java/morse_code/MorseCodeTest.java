import java.util.Objects;

public class MorseCodeTest {
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

    private static void checkEncodeRejects(char c) {
        try {
            MorseCode.encodeChar(c);
        } catch (IllegalArgumentException expected) {
            return;
        }
        throw new AssertionError("expected rejection of " + c);
    }

    private static String decodeError(String morse) {
        try {
            MorseCode.decode(morse);
        } catch (IllegalArgumentException expected) {
            return expected.getMessage();
        }
        throw new AssertionError("expected rejection of " + morse);
    }

    static void testEncodeCharAtRangeEdges() {
        checkEquals(".-", MorseCode.encodeChar('a'));
        checkEquals("--..", MorseCode.encodeChar('z'));
        checkEquals(".-", MorseCode.encodeChar('A'));
        checkEquals("--..", MorseCode.encodeChar('Z'));
        checkEquals("-----", MorseCode.encodeChar('0'));
        checkEquals("----.", MorseCode.encodeChar('9'));
        checkEncodeRejects('`');
        checkEncodeRejects('{');
        checkEncodeRejects('@');
        checkEncodeRejects('[');
        checkEncodeRejects('/');
        checkEncodeRejects(':');
    }

    static void testDigitCodes() {
        checkEquals("----- .---- ..--- ...-- ....- ..... -.... --... ---.. ----.", MorseCode.encode("0123456789"));
    }

    static void testEncodeWordsAndSpaces() {
        checkEquals("... --- ...", MorseCode.encode("SOS"));
        checkEquals(".... . .-.. .-.. --- / .-- --- .-. .-.. -..", MorseCode.encode("Hello World"));
        checkEquals(".- / -...", MorseCode.encode("  a   b "));
        checkEquals("", MorseCode.encode(""));
        checkEquals("", MorseCode.encode("   "));
    }

    static void testDecodeSymbol() {
        checkEquals('A', MorseCode.decodeSymbol(".-"));
        checkEquals('Z', MorseCode.decodeSymbol("--.."));
        checkEquals('0', MorseCode.decodeSymbol("-----"));
        checkEquals('5', MorseCode.decodeSymbol("....."));
        checkEquals('6', MorseCode.decodeSymbol("-...."));
        checkEquals('9', MorseCode.decodeSymbol("----."));
        boolean thrown = false;
        try {
            MorseCode.decodeSymbol("...---...");
        } catch (IllegalArgumentException expected) {
            thrown = true;
        }
        check(thrown, "SOS as one symbol is unknown");
    }

    static void testDecodeWordsAndTolerance() {
        checkEquals("HELLO WORLD", MorseCode.decode(".... . .-.. .-.. --- / .-- --- .-. .-.. -.."));
        checkEquals("A B", MorseCode.decode("/ .-  / / -... /"));
        checkEquals("A B", MorseCode.decode(".-/-..."));
        checkEquals("ET", MorseCode.decode(". -"));
        checkEquals("2024", MorseCode.decode("..--- ----- ..--- ....-"));
        checkEquals("", MorseCode.decode(""));
        checkEquals("", MorseCode.decode(" / "));
    }

    static void testDecodeRejectsBadInput() {
        checkEquals("unexpected 'x' at 2", decodeError("..x"));
        checkEquals("unexpected '_' at 0", decodeError("_"));
        checkEquals("unknown code: ......", decodeError("......"));
    }

    static void testRoundTrip() {
        String text = "THE QUICK BROWN FOX 1984";
        checkEquals(text, MorseCode.decode(MorseCode.encode(text)));
    }

    static void testDuration() {
        checkEquals(43, MorseCode.duration("PARIS"));
        checkEquals(9, MorseCode.duration("E E"));
        checkEquals(9, MorseCode.duration("IT"));
        checkEquals(3, MorseCode.duration("T"));
        checkEquals(19, MorseCode.duration("0"));
        checkEquals(0, MorseCode.duration(""));
    }
}
