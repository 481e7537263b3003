import java.util.List;
import java.util.Objects;

public class RunLengthTest {
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

    private static String rejection(String encoded, int maxLength) {
        try {
            RunLength.decompress(encoded, maxLength);
        } catch (IllegalArgumentException expected) {
            return expected.getMessage();
        }
        throw new AssertionError("expected rejection of " + encoded);
    }

    static void testCompressRuns() {
        checkEquals("3ab2c4d", RunLength.compress("aaabccdddd"));
        checkEquals("a2b", RunLength.compress("abb"));
        checkEquals("2ab", RunLength.compress("aab"));
        checkEquals("abc", RunLength.compress("abc"));
        checkEquals("a", RunLength.compress("a"));
        checkEquals("", RunLength.compress(""));
        checkEquals("12z", RunLength.compress("zzzzzzzzzzzz"));
        checkEquals("2 /:", RunLength.compress("  /:"));
    }

    static void testCompressRejectsDigits() {
        boolean first = false;
        boolean last = false;
        try {
            RunLength.compress("0ab");
        } catch (IllegalArgumentException expected) {
            first = expected.getMessage().equals("digit at 0 cannot be compressed");
        }
        try {
            RunLength.compress("ab9");
        } catch (IllegalArgumentException expected) {
            last = expected.getMessage().equals("digit at 2 cannot be compressed");
        }
        check(first && last, "digits are rejected");
    }

    static void testDecompressExpandsAndRoundTrips() {
        checkEquals("aaabccdddd", RunLength.decompress("3ab2c4d", 100));
        checkEquals("abbbbbbbbbb", RunLength.decompress("a10b", 11));
        checkEquals("", RunLength.decompress("", 0));
        checkEquals("x", RunLength.decompress("x", 1));
        String text = "wwwwaaadexxxxxx  zz";
        checkEquals(text, RunLength.decompress(RunLength.compress(text), text.length()));
    }

    static void testDecompressRespectsMaxLength() {
        checkEquals("output of 12 exceeds 11", rejection("12z", 11));
        checkEquals("output of 3 exceeds 2", rejection("a2b", 2));
        checkEquals("output of 1 exceeds 0", rejection("q", 0));
        checkEquals("zzzzzzzzzzzz", RunLength.decompress("12z", 12));
    }

    static void testMalformedInputIsRejected() {
        checkEquals("count without a character at 0", rejection("3", 10));
        checkEquals("count without a character at 1", rejection("a10", 10));
        checkEquals("count starts with 0 at 0", rejection("03a", 10));
        checkEquals("count starts with 0 at 2", rejection("ab0c", 10));
        checkEquals("count 1 must be omitted at 1", rejection("a1b", 10));
        checkEquals("run too long at 0", rejection("1000001a", 10));
        checkEquals("run too long at 1", rejection("x99999999999999999999y", 10));
    }

    static void testDecodedLengthAndIsValid() {
        checkEquals(10L, RunLength.decodedLength("3ab2c4d"));
        checkEquals(0L, RunLength.decodedLength(""));
        checkEquals(1000000L, RunLength.decodedLength("1000000a"));
        checkEquals(12L, RunLength.decodedLength("11ab"));
        check(RunLength.isValid("2a3b"), "2a3b");
        check(RunLength.isValid("b"), "b");
        check(!RunLength.isValid("1b"), "1b");
        check(!RunLength.isValid("b2"), "b2");
    }

    static void testRunLengths() {
        checkEquals(List.of(3, 1, 2, 4), RunLength.runLengths("aaabccdddd"));
        checkEquals(List.of(1), RunLength.runLengths("q"));
        checkEquals(List.of(1, 1), RunLength.runLengths("ab"));
        checkEquals(List.of(), RunLength.runLengths(""));
    }

    static void testRatio() {
        checkEquals(0.7, RunLength.ratio("aaabccdddd"));
        checkEquals(1.0, RunLength.ratio("abc"));
        checkEquals(1.0, RunLength.ratio(""));
        checkEquals(0.25, RunLength.ratio("zzzzzzzz"));
    }
}
