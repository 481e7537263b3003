/** Converts integers to and from bases 2 to 36 by hand, with validation. */
public class BaseConverter {
    private static final String DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";

    public static String toBase(long n, int base) {
        checkBase(base);
        if (n == 0) {
            return "0";
        }
        StringBuilder out = new StringBuilder();
        long rest = n;
        while (rest != 0) {
            // the remainder is negative for negative numbers, which also covers Long.MIN_VALUE
            int digit = (int) Math.abs(rest % base);
            out.append(DIGITS.charAt(digit));
            rest /= base;
        }
        if (n < 0) {
            out.append('-');
        }
        return out.reverse().toString();
    }

    public static String toBinary(long n) {
        return toBase(n, 2);
    }

    public static String toOctal(long n) {
        return toBase(n, 8);
    }

    public static String toHex(long n) {
        return toBase(n, 16);
    }

    /** Parses an optionally signed number; digits above 9 may be either case. */
    public static long parse(String text, int base) {
        checkBase(base);
        int start = 0;
        if (text.startsWith("-") || text.startsWith("+")) {
            start = 1;
        }
        if (start >= text.length()) {
            throw new NumberFormatException("no digits in '" + text + "'");
        }
        long value = 0;
        for (int i = start; i < text.length(); i++) {
            int d = digitValue(text.charAt(i));
            if (d < 0 || d >= base) {
                throw new NumberFormatException("bad digit '" + text.charAt(i) + "' for base " + base);
            }
            if (value > (Long.MAX_VALUE - d) / base) {
                throw new NumberFormatException("too large: " + text);
            }
            value = value * base + d;
        }
        return text.charAt(0) == '-' ? -value : value;
    }

    /** Parses 0x / 0b / 0o prefixed or decimal literals, with single underscores between digits. */
    public static long parseLiteral(String text) {
        boolean negative = text.startsWith("-");
        String body = negative ? text.substring(1) : text;
        int base = 10;
        if (body.length() > 2 && body.charAt(0) == '0') {
            char marker = Character.toLowerCase(body.charAt(1));
            if (marker == 'x') {
                base = 16;
            } else if (marker == 'b') {
                base = 2;
            } else if (marker == 'o') {
                base = 8;
            }
            if (base != 10) {
                body = body.substring(2);
            }
        }
        long value = parse(removeUnderscores(body), base);
        return negative ? -value : value;
    }

    /** Two's complement bit pattern of n in the given width (1 to 63 bits). */
    public static String toTwosComplement(long n, int bits) {
        if (bits < 1 || bits > 63) {
            throw new IllegalArgumentException("bits must be 1 to 63");
        }
        long limit = 1L << (bits - 1);
        if (n < -limit || n >= limit) {
            throw new IllegalArgumentException(n + " does not fit in " + bits + " bits");
        }
        long pattern = n < 0 ? n + 2 * limit : n;
        String digits = toBase(pattern, 2);
        while (digits.length() < bits) {
            digits = "0" + digits;
        }
        return digits;
    }

    public static long fromTwosComplement(String bits) {
        long value = parse(bits, 2);
        if (bits.charAt(0) == '1') {
            value -= 1L << bits.length();
        }
        return value;
    }

    /** Inserts a separator every size digits, counting from the right. */
    public static String groupDigits(String digits, int size, char separator) {
        StringBuilder out = new StringBuilder();
        int n = digits.length();
        for (int i = 0; i < n; i++) {
            if (i > 0 && (n - i) % size == 0) {
                out.append(separator);
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }

    private static String removeUnderscores(String body) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '+' || c == '-') {
                throw new NumberFormatException("misplaced sign in '" + body + "'");
            }
            if (c == '_') {
                if (i == 0 || i == body.length() - 1 || body.charAt(i - 1) == '_') {
                    throw new NumberFormatException("misplaced underscore in '" + body + "'");
                }
                continue;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static int digitValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'z') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static void checkBase(int base) {
        if (base < 2 || base > 36) {
            throw new IllegalArgumentException("base must be 2 to 36: " + base);
        }
    }
}
