import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Spreadsheet A1-style cell references: columns A..XFD, rows 1..1048576, both numbered from 1. */
public class CellReference {
    public static final int MAX_COLUMN = 16384;
    public static final int MAX_ROW = 1048576;

    /** Column letters to a number: A is 1, Z is 26, AA is 27. Either case is accepted. */
    public static int columnToNumber(String letters) {
        if (letters.isEmpty()) {
            throw new IllegalArgumentException("empty column");
        }
        int n = 0;
        for (int i = 0; i < letters.length(); i++) {
            char c = Character.toUpperCase(letters.charAt(i));
            if (c < 'A' || c > 'Z') {
                throw new IllegalArgumentException("bad column letter '" + c + "'");
            }
            n = n * 26 + (c - 'A' + 1);
            if (n > MAX_COLUMN) {
                throw new IllegalArgumentException("column out of range: " + letters);
            }
        }
        return n;
    }

    /** Bijective base 26: there is no zero digit, so 27 is AA. */
    public static String numberToColumn(int n) {
        if (n < 1 || n > MAX_COLUMN) {
            throw new IllegalArgumentException("column out of range: " + n);
        }
        StringBuilder out = new StringBuilder();
        while (n > 0) {
            out.append((char) ('A' + (n - 1) % 26));
            n = (n - 1) / 26;
        }
        return out.reverse().toString();
    }

    /** Parses "B3" or the absolute form "$B$3" into {row, column}. */
    public static int[] parse(String ref) {
        int i = 0;
        if (i < ref.length() && ref.charAt(i) == '$') {
            i++;
        }
        int lettersStart = i;
        while (i < ref.length() && Character.isLetter(ref.charAt(i))) {
            i++;
        }
        String letters = ref.substring(lettersStart, i);
        if (i < ref.length() && ref.charAt(i) == '$') {
            i++;
        }
        int digitsStart = i;
        int row = 0;
        while (i < ref.length() && ref.charAt(i) >= '0' && ref.charAt(i) <= '9') {
            row = row * 10 + (ref.charAt(i) - '0');
            if (row > MAX_ROW) {
                throw new IllegalArgumentException("row out of range: " + ref);
            }
            i++;
        }
        if (i == digitsStart || i != ref.length() || ref.charAt(digitsStart) == '0') {
            throw new IllegalArgumentException("bad reference: " + ref);
        }
        return new int[] {row, columnToNumber(letters)};
    }

    public static String format(int row, int column) {
        if (row < 1 || row > MAX_ROW) {
            throw new IllegalArgumentException("row out of range: " + row);
        }
        return numberToColumn(column) + row;
    }

    /** Parses "A1:C3" (corners in any order) or a single cell into {top, left, bottom, right}. */
    public static int[] parseRange(String range) {
        int colon = range.indexOf(':');
        if (colon < 0) {
            int[] cell = parse(range);
            return new int[] {cell[0], cell[1], cell[0], cell[1]};
        }
        int[] a = parse(range.substring(0, colon));
        int[] b = parse(range.substring(colon + 1));
        return new int[] {Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.max(a[0], b[0]), Math.max(a[1], b[1])};
    }

    /** The cells of a range, row by row. */
    public static List<String> cellsInRange(String range) {
        int[] r = parseRange(range);
        List<String> cells = new ArrayList<>();
        for (int row = r[0]; row <= r[2]; row++) {
            for (int col = r[1]; col <= r[3]; col++) {
                cells.add(format(row, col));
            }
        }
        return cells;
    }

    /** The reference moved by the given number of rows and columns. */
    public static String offset(String ref, int rows, int columns) {
        int[] cell = parse(ref);
        return format(cell[0] + rows, cell[1] + columns);
    }

    /** A sparse sheet of integer values; unset cells read as 0. */
    public static final class Sheet {
        private final Map<String, Long> cells = new HashMap<>();

        public void set(String ref, long value) {
            cells.put(key(ref), value);
        }

        public long get(String ref) {
            return cells.getOrDefault(key(ref), 0L);
        }

        public long sum(String range) {
            long total = 0;
            for (String cell : cellsInRange(range)) {
                total += cells.getOrDefault(cell, 0L);
            }
            return total;
        }

        /** How many cells of the range have been set. */
        public int count(String range) {
            int n = 0;
            for (String cell : cellsInRange(range)) {
                if (cells.containsKey(cell)) {
                    n++;
                }
            }
            return n;
        }

        private static String key(String ref) {
            int[] cell = parse(ref);
            return format(cell[0], cell[1]);
        }
    }
}
