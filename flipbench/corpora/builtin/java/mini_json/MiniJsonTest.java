import java.util.List;
import java.util.Objects;

public class MiniJsonTest {
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

    private static String parseError(String text) {
        try {
            MiniJson.parse(text);
        } catch (IllegalArgumentException expected) {
            return expected.getMessage();
        }
        throw new AssertionError("expected a parse error for " + text);
    }

    static void testPrintScalars() {
        checkEquals("42", MiniJson.print(42L));
        checkEquals("-7", MiniJson.print(-7L));
        checkEquals("5", MiniJson.print(5));
        checkEquals("\"hi\"", MiniJson.print("hi"));
        checkEquals("\"\"", MiniJson.print(""));
        checkEquals("\"a\\\"b\\\\c\\nd\\te\"", MiniJson.print("a\"b\\c\nd\te"));
        checkEquals("\"\\u0001\\u001f \"", MiniJson.print("\u0001\u001f "));
        checkEquals("\"\\u0010\"", MiniJson.print("\u0010"));
        boolean thrown = false;
        try {
            MiniJson.print(1.5);
        } catch (IllegalArgumentException expected) {
            thrown = true;
        }
        check(thrown, "doubles are not supported");
    }

    static void testPrintArrays() {
        checkEquals("[1, \"a\", [2, []]]", MiniJson.print(List.of(1L, "a", List.of(2L, List.of()))));
        checkEquals("[]", MiniJson.print(List.of()));
        checkEquals("[[\"x\"]]", MiniJson.print(List.of(List.of("x"))));
    }

    static void testPrettyPrint() {
        checkEquals("[\n  1,\n  [\n    \"a\"\n  ],\n  []\n]",
                MiniJson.prettyPrint(List.of(1L, List.of("a"), List.of())));
        checkEquals("[\n  [\n    [\n      7\n    ]\n  ]\n]", MiniJson.prettyPrint(List.of(List.of(List.of(7L)))));
        checkEquals("\"x\"", MiniJson.prettyPrint("x"));
        checkEquals("[]", MiniJson.prettyPrint(List.of()));
    }

    static void testDepth() {
        checkEquals(0, MiniJson.depth(5L));
        checkEquals(1, MiniJson.depth(List.of()));
        checkEquals(1, MiniJson.depth(List.of("a", 1L)));
        checkEquals(3, MiniJson.depth(List.of(List.of(1L), List.of(List.of(2L)), 3L)));
    }

    static void testParseValues() {
        checkEquals(42L, MiniJson.parse("42"));
        checkEquals(-17L, MiniJson.parse("-17"));
        checkEquals(0L, MiniJson.parse("0"));
        checkEquals(0L, MiniJson.parse("-0"));
        checkEquals(999999999999999999L, MiniJson.parse("999999999999999999"));
        checkEquals(List.of(1L, "two", List.of(), List.of(3L, List.of(4L))),
                MiniJson.parse(" [ 1 , \"two\" , [ ] , [3,[4]] ]\n"));
        checkEquals(List.of(), MiniJson.parse("[]"));
        checkEquals(List.of(List.of()), MiniJson.parse("[[]]"));
    }

    static void testParseStringEscapes() {
        checkEquals("a\"b\\c/d\n\t", MiniJson.parse("\"a\\\"b\\\\c\\/d\\n\\t\""));
        checkEquals("A\u00e9", MiniJson.parse("\"\\u0041\\u00e9\""));
        checkEquals("\u00e9!", MiniJson.parse("\"\\u00E9!\""));
        checkEquals("\u00ff", MiniJson.parse("\"\\u00fF\""));
        checkEquals("", MiniJson.parse("\"\""));
    }

    static void testParseErrorsReportPositions() {
        checkEquals("unexpected end at 0", parseError(""));
        checkEquals("unexpected ']' at 3", parseError("[1,]"));
        checkEquals("expected ',' or ']' at 3", parseError("[1 2]"));
        checkEquals("unterminated array at 2", parseError("[1"));
        checkEquals("unexpected end at 1", parseError("["));
        checkEquals("leading zero at 0", parseError("01"));
        checkEquals("leading zero at 1", parseError("-00"));
        checkEquals("missing digits at 1", parseError("-"));
        checkEquals("number too long at 19", parseError("1234567890123456789"));
        checkEquals("unexpected trailing text at 2", parseError("1 2"));
        checkEquals("unexpected 't' at 0", parseError("true"));
    }

    static void testStringErrors() {
        checkEquals("unterminated string at 4", parseError("\"abc"));
        checkEquals("unterminated string at 1", parseError("\"\\"));
        checkEquals("unterminated string at 3", parseError("\"\\n"));
        checkEquals("unterminated string at 7", parseError("\"\\u1234"));
        checkEquals("bad escape at 2", parseError("\"a\\x\""));
        checkEquals("control character in string at 2", parseError("\"a\nb\""));
        checkEquals("bad unicode escape at 1", parseError("\"\\u12G4\""));
        checkEquals("short unicode escape at 1", parseError("\"\\u12\""));
        checkEquals("a\u1234", MiniJson.parse("\"a\\u1234\""));
    }

    static void testRoundTrip() {
        Object value = List.of(-3L, "quote \" and \\ and \u0002", List.of(List.of(), 10L));
        checkEquals(value, MiniJson.parse(MiniJson.print(value)));
        checkEquals(value, MiniJson.parse(MiniJson.prettyPrint(value)));
    }
}
