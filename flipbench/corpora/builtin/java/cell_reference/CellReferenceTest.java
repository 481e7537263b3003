import java.util.Arrays;
import java.util.List;
import java.util.Objects;

public class CellReferenceTest {
    private static void checkEquals(Object expected, Object actual) {
        if (!Objects.equals(expected, actual)) {
            throw new AssertionError("expected <" + expected + "> but was <" + actual + ">");
        }
    }

    private static void checkCell(int row, int column, String ref) {
        checkEquals(Arrays.toString(new int[] {row, column}), Arrays.toString(CellReference.parse(ref)));
    }

    private static void checkRange(String expected, String range) {
        checkEquals(expected, Arrays.toString(CellReference.parseRange(range)));
    }

    private static void checkRejected(Runnable action, String what) {
        try {
            action.run();
        } catch (IllegalArgumentException expected) {
            return;
        }
        throw new AssertionError("expected rejection: " + what);
    }

    static void testColumnToNumber() {
        checkEquals(1, CellReference.columnToNumber("A"));
        checkEquals(26, CellReference.columnToNumber("Z"));
        checkEquals(27, CellReference.columnToNumber("AA"));
        checkEquals(52, CellReference.columnToNumber("AZ"));
        checkEquals(53, CellReference.columnToNumber("BA"));
        checkEquals(702, CellReference.columnToNumber("ZZ"));
        checkEquals(703, CellReference.columnToNumber("AAA"));
        checkEquals(16384, CellReference.columnToNumber("XFD"));
        checkEquals(16384, CellReference.columnToNumber("xfd"));
        checkRejected(() -> CellReference.columnToNumber(""), "empty");
        checkRejected(() -> CellReference.columnToNumber("A1"), "digit");
        checkRejected(() -> CellReference.columnToNumber("@"), "before A");
        checkRejected(() -> CellReference.columnToNumber("["), "after Z");
        checkRejected(() -> CellReference.columnToNumber("XFE"), "just past XFD");
        checkRejected(() -> CellReference.columnToNumber("AAAA"), "four letters");
    }

    static void testNumberToColumn() {
        checkEquals("A", CellReference.numberToColumn(1));
        checkEquals("Z", CellReference.numberToColumn(26));
        checkEquals("AA", CellReference.numberToColumn(27));
        checkEquals("AZ", CellReference.numberToColumn(52));
        checkEquals("BA", CellReference.numberToColumn(53));
        checkEquals("ZZ", CellReference.numberToColumn(702));
        checkEquals("AAA", CellReference.numberToColumn(703));
        checkEquals("XFD", CellReference.numberToColumn(16384));
        checkRejected(() -> CellReference.numberToColumn(0), "zero");
        checkRejected(() -> CellReference.numberToColumn(16385), "past XFD");
    }

    static void testParse() {
        checkCell(3, 2, "B3");
        checkCell(3, 2, "$B$3");
        checkCell(3, 2, "B$3");
        checkCell(3, 2, "b3");
        checkCell(100, 27, "AA100");
        checkCell(19, 1, "A19");
        checkCell(1048576, 16384, "XFD1048576");
        checkRejected(() -> CellReference.parse("3B"), "digits first");
        checkRejected(() -> CellReference.parse("B"), "no row");
        checkRejected(() -> CellReference.parse("B0"), "row zero");
        checkRejected(() -> CellReference.parse("B03"), "leading zero");
        checkRejected(() -> CellReference.parse("B3C"), "trailing letter");
        checkRejected(() -> CellReference.parse(""), "empty");
        checkRejected(() -> CellReference.parse("$$B3"), "two dollars");
        checkRejected(() -> CellReference.parse("B1048577"), "row past the limit");
        checkRejected(() -> CellReference.parse("XFE1"), "column past the limit");
        checkRejected(() -> CellReference.parse("B-3"), "minus");
    }

    static void testFormat() {
        checkEquals("B3", CellReference.format(3, 2));
        checkEquals("XFD1048576", CellReference.format(1048576, 16384));
        checkEquals("A1", CellReference.format(1, 1));
        checkRejected(() -> CellReference.format(0, 1), "row zero");
        checkRejected(() -> CellReference.format(1048577, 1), "row past the limit");
        checkRejected(() -> CellReference.format(1, 0), "column zero");
    }

    static void testParseRange() {
        checkRange("[1, 1, 3, 3]", "A1:C3");
        checkRange("[1, 1, 3, 3]", "C3:A1");
        checkRange("[1, 1, 3, 3]", "C1:A3");
        checkRange("[1, 1, 3, 3]", "A3:C1");
        checkRange("[2, 2, 2, 2]", "B2");
        checkRejected(() -> CellReference.parseRange("A1:"), "missing corner");
        checkRejected(() -> CellReference.parseRange("A1:B2:C3"), "two colons");
    }

    static void testCellsInRangeAndOffset() {
        checkEquals(List.of("A1", "B1", "A2", "B2"), CellReference.cellsInRange("A1:B2"));
        checkEquals(List.of("A1", "B1", "A2", "B2"), CellReference.cellsInRange("B2:A1"));
        checkEquals(List.of("C5"), CellReference.cellsInRange("C5"));
        checkEquals(List.of("Z1", "AA1", "AB1"), CellReference.cellsInRange("Z1:AB1"));
        checkEquals("D4", CellReference.offset("B3", 1, 2));
        checkEquals("A1", CellReference.offset("B3", -2, -1));
        checkEquals("AA1", CellReference.offset("Z1", 0, 1));
        checkRejected(() -> CellReference.offset("A1", -1, 0), "above the sheet");
        checkRejected(() -> CellReference.offset("A1", 0, -1), "left of the sheet");
    }

    static void testSheetSumAndCount() {
        CellReference.Sheet sheet = new CellReference.Sheet();
        sheet.set("A1", 5);
        sheet.set("B2", 7);
        sheet.set("$C$3", -2);
        sheet.set("D1", 100);
        checkEquals(5L, sheet.get("A1"));
        checkEquals(-2L, sheet.get("c3"));
        checkEquals(0L, sheet.get("D4"));
        checkEquals(10L, sheet.sum("A1:C3"));
        checkEquals(10L, sheet.sum("C3:A1"));
        checkEquals(7L, sheet.sum("B2"));
        checkEquals(0L, sheet.sum("A2:A3"));
        checkEquals(3, sheet.count("A1:C3"));
        checkEquals(4, sheet.count("A1:D3"));
        checkEquals(0, sheet.count("E5:F6"));
        sheet.set("a1", 10);
        checkEquals(15L, sheet.sum("A1:C3"));
        checkEquals(3, sheet.count("A1:C3"));
    }
}
