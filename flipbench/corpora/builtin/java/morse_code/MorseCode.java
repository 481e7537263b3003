/** International Morse code: letters are separated by one space, words by " / ". */
public class MorseCode {
    private static final String[] LETTERS = {
        ".-", "-...", "-.-.", "-..", ".", "..-.", "--.", "....", "..", ".---", "-.-", ".-..", "--",
        "-.", "---", ".--.", "--.-", ".-.", "...", "-", "..-", "...-", ".--", "-..-", "-.--", "--..",
    };

    /** The code of one letter (either case) or digit. */
    public static String encodeChar(char c) {
        if (c >= 'a' && c <= 'z') {
            return LETTERS[c - 'a'];
        }
        if (c >= 'A' && c <= 'Z') {
            return LETTERS[c - 'A'];
        }
        if (c >= '0' && c <= '9') {
            return digitCode(c - '0');
        }
        throw new IllegalArgumentException("cannot encode '" + c + "'");
    }

    /** Encodes text; runs of spaces become a single word break. */
    public static String encode(String text) {
        StringBuilder out = new StringBuilder();
        boolean newWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                newWord = out.length() > 0;
                continue;
            }
            if (out.length() > 0) {
                out.append(newWord ? " / " : " ");
            }
            out.append(encodeChar(c));
            newWord = false;
        }
        return out.toString();
    }

    /** The letter or digit a code stands for. */
    public static char decodeSymbol(String code) {
        for (int i = 0; i < LETTERS.length; i++) {
            if (LETTERS[i].equals(code)) {
                return (char) ('A' + i);
            }
        }
        for (int d = 0; d <= 9; d++) {
            if (digitCode(d).equals(code)) {
                return (char) ('0' + d);
            }
        }
        throw new IllegalArgumentException("unknown code: " + code);
    }

    /** Decodes Morse text to upper-case text; extra spaces and slashes are tolerated. */
    public static String decode(String morse) {
        StringBuilder out = new StringBuilder();
        boolean pendingSpace = false;
        int i = 0;
        int n = morse.length();
        while (i < n) {
            char c = morse.charAt(i);
            if (c == ' ') {
                i++;
                continue;
            }
            if (c == '/') {
                pendingSpace = out.length() > 0;
                i++;
                continue;
            }
            int start = i;
            while (i < n && (morse.charAt(i) == '.' || morse.charAt(i) == '-')) {
                i++;
            }
            if (i == start) {
                throw new IllegalArgumentException("unexpected '" + c + "' at " + i);
            }
            if (pendingSpace) {
                out.append(' ');
                pendingSpace = false;
            }
            out.append(decodeSymbol(morse.substring(start, i)));
        }
        return out.toString();
    }

    /**
     * Transmission time of text in dot units: dot 1, dash 3, gap inside a letter 1,
     * between letters 3, between words 7.
     */
    public static int duration(String text) {
        String morse = encode(text);
        int total = 0;
        for (int i = 0; i < morse.length(); i++) {
            char c = morse.charAt(i);
            if (c == '.' || c == '-') {
                total += c == '.' ? 1 : 3;
                if (i > 0 && morse.charAt(i - 1) != ' ') {
                    total += 1;
                }
            } else if (c == '/') {
                total += 7;
            } else if (morse.charAt(i - 1) != '/' && morse.charAt(i + 1) != '/') {
                total += 3;
            }
        }
        return total;
    }

    // 1-5 start with dots and end with dashes; 6-9 and 0 the other way round
    private static String digitCode(int d) {
        if (d <= 5) {
            return repeat('.', d) + repeat('-', 5 - d);
        }
        return repeat('-', d - 5) + repeat('.', 10 - d);
    }

    private static String repeat(char c, int count) {
        String s = "";
        for (int i = 0; i < count; i++) {
            s += c;
        }
        return s;
    }
}
