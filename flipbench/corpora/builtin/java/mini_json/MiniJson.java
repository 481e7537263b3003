import java.util.ArrayList;
import java.util.List;

/**
 * A JSON subset with integers (Long), strings (String) and arrays (List). The printer writes
 * compact or indented text; the parser is a hand-written recursive descent parser.
 */
public class MiniJson {
    private static final String HEX = "0123456789abcdef";

    public static String print(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    /** Arrays one item per line, indented by two spaces per level; empty arrays stay "[]". */
    public static String prettyPrint(Object value) {
        StringBuilder out = new StringBuilder();
        pretty(value, 0, out);
        return out.toString();
    }

    /** Nesting depth: 0 for a scalar, 1 for a flat array. */
    public static int depth(Object value) {
        if (!(value instanceof List)) {
            return 0;
        }
        int deepest = 0;
        for (Object item : (List<?>) value) {
            deepest = Math.max(deepest, depth(item));
        }
        return deepest + 1;
    }

    public static Object parse(String text) {
        Parser parser = new Parser(text);
        parser.skipSpace();
        Object value = parser.value();
        parser.skipSpace();
        if (parser.pos < text.length()) {
            throw parser.error("unexpected trailing text");
        }
        return value;
    }

    private static void write(Object value, StringBuilder out) {
        if (value instanceof Long || value instanceof Integer) {
            out.append(value);
        } else if (value instanceof String) {
            writeString((String) value, out);
        } else if (value instanceof List) {
            List<?> list = (List<?>) value;
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("cannot print " + value);
        }
    }

    private static void writeString(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c == '\n') {
                out.append("\\n");
            } else if (c == '\t') {
                out.append("\\t");
            } else if (c < 0x20) {
                out.append("\\u00").append(HEX.charAt(c / 16)).append(HEX.charAt(c % 16));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }

    private static void pretty(Object value, int level, StringBuilder out) {
        if (!(value instanceof List) || ((List<?>) value).isEmpty()) {
            write(value, out);
            return;
        }
        List<?> list = (List<?>) value;
        out.append("[\n");
        for (int i = 0; i < list.size(); i++) {
            out.append("  ".repeat(level + 1));
            pretty(list.get(i), level + 1, out);
            if (i < list.size() - 1) {
                out.append(',');
            }
            out.append('\n');
        }
        out.append("  ".repeat(level)).append(']');
    }

    private static final class Parser {
        final String text;
        int pos;

        Parser(String text) {
            this.text = text;
        }

        Object value() {
            if (pos >= text.length()) {
                throw error("unexpected end");
            }
            char c = text.charAt(pos);
            if (c == '[') {
                return array();
            }
            if (c == '"') {
                return string();
            }
            if (c == '-' || (c >= '0' && c <= '9')) {
                return number();
            }
            throw error("unexpected '" + c + "'");
        }

        List<Object> array() {
            List<Object> items = new ArrayList<>();
            pos++;
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == ']') {
                pos++;
                return items;
            }
            while (true) {
                skipSpace();
                items.add(value());
                skipSpace();
                if (pos >= text.length()) {
                    throw error("unterminated array");
                }
                char c = text.charAt(pos);
                if (c != ']' && c != ',') {
                    throw error("expected ',' or ']'");
                }
                pos++;
                if (c == ']') {
                    return items;
                }
            }
        }

        Long number() {
            boolean negative = text.charAt(pos) == '-';
            if (negative) {
                pos++;
            }
            int start = pos;
            long value = 0;
            while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
                value = value * 10 + (text.charAt(pos) - '0');
                pos++;
                if (pos - start > 18) {
                    throw error("number too long");
                }
            }
            if (pos == start) {
                throw error("missing digits");
            }
            if (pos - start > 1 && text.charAt(start) == '0') {
                pos = start;
                throw error("leading zero");
            }
            return negative ? -value : value;
        }

        String string() {
            StringBuilder out = new StringBuilder();
            pos++;
            while (pos < text.length()) {
                char c = text.charAt(pos);
                if (c == '"') {
                    pos++;
                    return out.toString();
                }
                if (c < 0x20) {
                    throw error("control character in string");
                }
                if (c != '\\') {
                    out.append(c);
                    pos++;
                    continue;
                }
                if (pos + 1 >= text.length()) {
                    break;
                }
                char e = text.charAt(pos + 1);
                if (e == '"' || e == '\\' || e == '/') {
                    out.append(e);
                } else if (e == 'n') {
                    out.append('\n');
                } else if (e == 't') {
                    out.append('\t');
                } else if (e == 'u') {
                    out.append(unicode());
                } else {
                    throw error("bad escape");
                }
                pos += 2;
            }
            throw error("unterminated string");
        }

        // the four hex digits after a backslash-u at pos; leaves pos on the last of them minus one
        char unicode() {
            if (pos + 6 > text.length()) {
                throw error("short unicode escape");
            }
            int code = 0;
            for (int i = pos + 2; i < pos + 6; i++) {
                int digit = HEX.indexOf(Character.toLowerCase(text.charAt(i)));
                if (digit < 0) {
                    throw error("bad unicode escape");
                }
                code = code * 16 + digit;
            }
            pos += 4;
            return (char) code;
        }

        void skipSpace() {
            while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\n')) {
                pos++;
            }
        }

        IllegalArgumentException error(String what) {
            return new IllegalArgumentException(what + " at " + pos);
        }
    }
}
