import java.util.List;
import java.util.Objects;

public class TextWrapperTest {
    private static final String FOX = "the quick brown fox jumps over the lazy dog";

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

    static void testSplitWordsSkipsRunsOfBlanks() {
        checkEquals(List.of("the", "quick", "brown", "fox"), TextWrapper.splitWords("  the quick\tbrown\n fox "));
        checkEquals(List.of("a", "b"), TextWrapper.splitWords("a b"));
        checkEquals(List.of("word"), TextWrapper.splitWords("word"));
        checkEquals(List.of(), TextWrapper.splitWords(""));
        checkEquals(List.of(), TextWrapper.splitWords(" \t\n"));
    }

    static void testWrapFillsLinesGreedily() {
        checkEquals(List.of("the quick", "brown fox", "jumps over", "the lazy", "dog"), TextWrapper.wrap(FOX, 10));
        checkEquals(List.of("the quick brown", "fox jumps over", "the lazy dog"), TextWrapper.wrap(FOX, 15));
        checkEquals(List.of("a b", "c"), TextWrapper.wrap("a b c", 4));
        checkEquals(List.of(), TextWrapper.wrap("   ", 5));
    }

    static void testWrapCutsLongWords() {
        checkEquals(List.of("abcde", "fghij", "ab cd"), TextWrapper.wrap("abcdefghij ab cd", 5));
        checkEquals(List.of("abcd", "efgh", "ij", "ab", "cd"), TextWrapper.wrap("abcdefghij ab cd", 4));
        checkEquals(List.of("abc", "x"), TextWrapper.wrap("abc x", 3));
        checkEquals(List.of("abcd", "e"), TextWrapper.wrap("abcde", 4));
    }

    static void testWrapRejectsNonPositiveWidth() {
        boolean thrown = false;
        try {
            TextWrapper.wrap("abc", 0);
        } catch (IllegalArgumentException expected) {
            thrown = true;
        }
        check(thrown, "width 0 must be rejected");
        checkEquals(List.of("a", "b"), TextWrapper.wrap("a b", 1));
    }

    static void testJustifyLineDistributesSpaces() {
        checkEquals("a   bb   ccc", TextWrapper.justifyLine(List.of("a", "bb", "ccc"), 12));
        checkEquals("a    bb   ccc", TextWrapper.justifyLine(List.of("a", "bb", "ccc"), 13));
        checkEquals("to   be   or  not", TextWrapper.justifyLine(List.of("to", "be", "or", "not"), 17));
        checkEquals("hello   ", TextWrapper.justifyLine(List.of("hello"), 8));
        checkEquals("ab cd", TextWrapper.justifyLine(List.of("ab", "cd"), 5));
    }

    static void testJustifyPadsLastLineOnly() {
        checkEquals(List.of("the  quick", "brown  fox", "jumps over", "the   lazy", "dog       "),
                TextWrapper.justify(FOX, 10));
        checkEquals(List.of("one two   "), TextWrapper.justify("one two", 10));
        checkEquals(List.of(), TextWrapper.justify("", 4));
    }

    static void testCenter() {
        checkEquals("  abc   ", TextWrapper.center("abc", 8));
        checkEquals(" ab ", TextWrapper.center("ab", 4));
        checkEquals("abcd", TextWrapper.center("abcd", 4));
        checkEquals("abcde", TextWrapper.center("abcde", 3));
        checkEquals("abcd ", TextWrapper.center("abcd", 5));
    }
}
