import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A parsed INI file: [sections] of key = value pairs, with ; and # comment lines. */
public class IniConfig {
    private final Map<String, Map<String, String>> sections = new LinkedHashMap<>();

    private IniConfig() {
    }

    public static IniConfig parse(String text) {
        IniConfig config = new IniConfig();
        String current = "";
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            int number = i + 1;
            if (line.isEmpty() || line.startsWith(";") || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("[")) {
                String name = line.substring(1, Math.max(1, line.length() - 1)).trim();
                if (!line.endsWith("]") || name.isEmpty()) {
                    throw new IllegalArgumentException("line " + number + ": bad section header");
                }
                current = name.toLowerCase();
                config.sections.putIfAbsent(current, new LinkedHashMap<>());
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("line " + number + ": expected key = value");
            }
            String key = line.substring(0, eq).trim().toLowerCase();
            String value = cleanValue(line.substring(eq + 1).trim());
            config.sections.computeIfAbsent(current, s -> new LinkedHashMap<>()).put(key, value);
        }
        return config;
    }

    /** Section names in order of first appearance; "" is the section of keys before any header. */
    public List<String> sections() {
        return new ArrayList<>(sections.keySet());
    }

    public List<String> keys(String section) {
        Map<String, String> entries = sections.get(section.toLowerCase());
        return entries == null ? new ArrayList<>() : new ArrayList<>(entries.keySet());
    }

    public int size() {
        int total = 0;
        for (Map<String, String> entries : sections.values()) {
            total += entries.size();
        }
        return total;
    }

    public String get(String section, String key) {
        Map<String, String> entries = sections.get(section.toLowerCase());
        if (entries == null) {
            return null;
        }
        return entries.get(key.toLowerCase());
    }

    public int getInt(String section, String key, int fallback) {
        String raw = get(section, key);
        if (raw == null) {
            return fallback;
        }
        return parseInt(raw);
    }

    public boolean getBoolean(String section, String key, boolean fallback) {
        String raw = get(section, key);
        if (raw == null) {
            return fallback;
        }
        String word = raw.toLowerCase();
        if (word.equals("true") || word.equals("yes") || word.equals("on") || word.equals("1")) {
            return true;
        }
        if (word.equals("false") || word.equals("no") || word.equals("off") || word.equals("0")) {
            return false;
        }
        throw new IllegalArgumentException("not a boolean: " + raw);
    }

    /** Comma-separated items, trimmed, with empty items dropped. */
    public List<String> getList(String section, String key) {
        List<String> items = new ArrayList<>();
        String raw = get(section, key);
        if (raw == null) {
            return items;
        }
        int start = 0;
        for (int i = 0; i <= raw.length(); i++) {
            if (i == raw.length() || raw.charAt(i) == ',') {
                String item = raw.substring(start, i).trim();
                if (!item.isEmpty()) {
                    items.add(item);
                }
                start = i + 1;
            }
        }
        return items;
    }

    private static String cleanValue(String value) {
        int n = value.length();
        if (n >= 2 && value.charAt(0) == '"' && value.charAt(n - 1) == '"') {
            return value.substring(1, n - 1);
        }
        int comment = value.indexOf(" ;");
        if (comment >= 0) {
            return value.substring(0, comment).trim();
        }
        return value;
    }

    private static int parseInt(String raw) {
        int i = 0;
        boolean negative = false;
        if (raw.startsWith("-") || raw.startsWith("+")) {
            negative = raw.charAt(0) == '-';
            i = 1;
        }
        if (i >= raw.length()) {
            throw new NumberFormatException("not an integer: '" + raw + "'");
        }
        long value = 0;
        while (i < raw.length()) {
            char c = raw.charAt(i);
            if (c < '0' || c > '9') {
                throw new NumberFormatException("not an integer: '" + raw + "'");
            }
            value = value * 10 + (c - '0');
            if (value > Integer.MAX_VALUE + 1L) {
                throw new NumberFormatException("out of range: " + raw);
            }
            i++;
        }
        if (negative) {
            value = -value;
        }
        if (value > Integer.MAX_VALUE) {
            throw new NumberFormatException("out of range: " + raw);
        }
        return (int) value;
    }
}
