import java.util.ArrayList;
import java.util.List;

/**
 * Run-length coding: "aaabcc" becomes "3ab2c". A count is written only for runs of two or more,
 * so the text itself may not contain digits.
 */
public class RunLength {
    public static final int MAX_RUN = 1_000_000;

    public static String compress(String text) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (isDigit(c)) {
                throw new IllegalArgumentException("digit at " + i + " cannot be compressed");
            }
            int j = i + 1;
            while (j < text.length() && text.charAt(j) == c) {
                j++;
            }
            int count = j - i;
            if (count > 1) {
                out.append(count);
            }
            out.append(c);
            i = j;
        }
        return out.toString();
    }

    /** Expands encoded text, refusing output longer than maxLength. */
    public static String decompress(String encoded, int maxLength) {
        long length = scan(encoded, null);
        if (length > maxLength) {
            throw new IllegalArgumentException("output of " + length + " exceeds " + maxLength);
        }
        StringBuilder out = new StringBuilder();
        scan(encoded, out);
        return out.toString();
    }

    /** The length encoded text expands to; malformed input is rejected. */
    public static long decodedLength(String encoded) {
        return scan(encoded, null);
    }

    public static boolean isValid(String encoded) {
        try {
            scan(encoded, null);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Lengths of the successive runs of equal characters. */
    public static List<Integer> runLengths(String text) {
        List<Integer> runs = new ArrayList<>();
        int length = 0;
        for (int i = 0; i < text.length(); i++) {
            if (i > 0 && text.charAt(i) != text.charAt(i - 1)) {
                runs.add(length);
                length = 0;
            }
            length++;
        }
        if (length > 0) {
            runs.add(length);
        }
        return runs;
    }

    /** Compressed size divided by original size; 1.0 for empty text. */
    public static double ratio(String text) {
        if (text.isEmpty()) {
            return 1.0;
        }
        return (double) compress(text).length() / text.length();
    }

    // Validates encoded text and returns its expanded length; appends the expansion when out is given.
    private static long scan(String encoded, StringBuilder out) {
        long total = 0;
        int i = 0;
        int n = encoded.length();
        while (i < n) {
            int start = i;
            long count = 0;
            while (i < n && isDigit(encoded.charAt(i))) {
                count = count * 10 + (encoded.charAt(i) - '0');
                i++;
                if (count > MAX_RUN) {
                    throw error("run too long", start);
                }
            }
            if (i == n) {
                throw error("count without a character", start);
            }
            if (i > start && encoded.charAt(start) == '0') {
                throw error("count starts with 0", start);
            }
            if (i - start == 1 && count == 1) {
                throw error("count 1 must be omitted", start);
            }
            if (i == start) {
                count = 1;
            }
            total += count;
            if (out != null) {
                char c = encoded.charAt(i);
                for (int k = 0; k < count; k++) {
                    out.append(c);
                }
            }
            i++;
        }
        return total;
    }

    private static IllegalArgumentException error(String what, int position) {
        return new IllegalArgumentException(what + " at " + position);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
