import java.util.ArrayList;
import java.util.List;

public class TextWrapper {
    /** Splits text into words separated by runs of spaces, tabs or newlines. */
    public static List<String> splitWords(String text) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean blank = c == ' ' || c == '\t' || c == '\n';
            if (blank && start >= 0) {
                words.add(text.substring(start, i));
                start = -1;
            } else if (!blank && start < 0) {
                start = i;
            }
        }
        if (start >= 0) {
            words.add(text.substring(start));
        }
        return words;
    }

    /** Greedy wrapping: as many words per line as fit; words longer than the width are cut. */
    public static List<String> wrap(String text, int width) {
        List<List<String>> lines = layout(text, width);
        List<String> result = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            result.add(String.join(" ", lines.get(i)));
        }
        return result;
    }

    /** Like wrap, but every line except the last is stretched to exactly width characters. */
    public static List<String> justify(String text, int width) {
        List<List<String>> lines = layout(text, width);
        List<String> result = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (i == lines.size() - 1) {
                result.add(padRight(String.join(" ", lines.get(i)), width));
            } else {
                result.add(justifyLine(lines.get(i), width));
            }
        }
        return result;
    }

    /** Spreads the words over width characters; the leftmost gaps receive any extra spaces. */
    public static String justifyLine(List<String> words, int width) {
        if (words.size() == 1) {
            return padRight(words.get(0), width);
        }
        int letters = 0;
        for (int i = 0; i < words.size(); i++) {
            letters += words.get(i).length();
        }
        int gaps = words.size() - 1;
        int free = width - letters;
        int each = free / gaps;
        int extra = free % gaps;
        StringBuilder line = new StringBuilder(words.get(0));
        for (int i = 1; i < words.size(); i++) {
            int count = each;
            if (i <= extra) {
                count++;
            }
            line.append(spaces(count)).append(words.get(i));
        }
        return line.toString();
    }

    /** Centers a line in width columns; an odd leftover space goes to the right side. */
    public static String center(String line, int width) {
        if (line.length() >= width) {
            return line;
        }
        int total = width - line.length();
        int left = total / 2;
        return spaces(left) + line + spaces(total - left);
    }

    private static List<List<String>> layout(String text, int width) {
        if (width <= 0) {
            throw new IllegalArgumentException("width must be positive: " + width);
        }
        return group(chop(splitWords(text), width), width);
    }

    private static List<String> chop(List<String> words, int width) {
        List<String> pieces = new ArrayList<>();
        for (String word : words) {
            int start = 0;
            while (word.length() - start > width) {
                pieces.add(word.substring(start, start + width));
                start += width;
            }
            pieces.add(word.substring(start));
        }
        return pieces;
    }

    private static List<List<String>> group(List<String> words, int width) {
        List<List<String>> lines = new ArrayList<>();
        List<String> current = new ArrayList<>();
        int length = 0;
        for (int i = 0; i < words.size(); i++) {
            String word = words.get(i);
            if (current.isEmpty()) {
                length = word.length();
            } else if (length + 1 + word.length() <= width) {
                length += 1 + word.length();
            } else {
                lines.add(current);
                current = new ArrayList<>();
                length = word.length();
            }
            current.add(word);
        }
        if (!current.isEmpty()) {
            lines.add(current);
        }
        return lines;
    }

    private static String padRight(String text, int width) {
        return text + spaces(width - text.length());
    }

    private static String spaces(int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) {
            sb.append(' ');
        }
        return sb.toString();
    }
}
