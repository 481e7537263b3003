import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders templates with ${name} placeholders, ${name:-fallback} defaults and $$ for a literal dollar.
 */
public class TemplateRenderer {
    private final Map<String, String> values;
    private final boolean strict;

    public TemplateRenderer(Map<String, String> values, boolean strict) {
        this.values = values;
        this.strict = strict;
    }

    public String render(String template) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = template.length();
        while (i < n) {
            char c = template.charAt(i);
            if (c != '$' || i + 1 >= n) {
                out.append(c);
                i++;
            } else if (template.charAt(i + 1) == '$') {
                out.append('$');
                i += 2;
            } else if (template.charAt(i + 1) == '{') {
                int close = findClose(template, i + 2);
                out.append(resolve(template.substring(i + 2, close)));
                i = close + 1;
            } else {
                // a dollar sign that starts nothing is kept as it is
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** The distinct variable names a template refers to, in order of first use. */
    public static List<String> variables(String template) {
        List<String> names = new ArrayList<>();
        int i = 0;
        while (i < template.length() - 1) {
            char c = template.charAt(i);
            char next = template.charAt(i + 1);
            if (c == '$' && next == '$') {
                i += 2;
            } else if (c == '$' && next == '{') {
                int close = findClose(template, i + 2);
                String name = nameOf(template.substring(i + 2, close));
                if (!names.contains(name)) {
                    names.add(name);
                }
                i = close + 1;
            } else {
                i++;
            }
        }
        return names;
    }

    /** A name is a letter or underscore followed by letters, digits or underscores. */
    public static boolean isValidName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
            boolean digit = c >= '0' && c <= '9';
            if (!letter && !(digit && i > 0)) {
                return false;
            }
        }
        return true;
    }

    /** Escapes text so that rendering it gives the text back unchanged. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '$') {
                out.append("$$");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private String resolve(String body) {
        String name = nameOf(body);
        String value = values.get(name);
        int sep = body.indexOf(":-");
        if (sep >= 0 && (value == null || value.isEmpty())) {
            // the fallback replaces both a missing and an empty value
            return body.substring(sep + 2);
        }
        if (value != null) {
            return value;
        }
        if (strict) {
            throw new IllegalArgumentException("missing variable: " + name);
        }
        return "";
    }

    private static String nameOf(String body) {
        int sep = body.indexOf(":-");
        String name = sep < 0 ? body : body.substring(0, sep);
        if (!isValidName(name)) {
            throw new IllegalArgumentException("bad variable name: '" + name + "'");
        }
        return name;
    }

    private static int findClose(String template, int from) {
        int close = template.indexOf('}', from);
        if (close < 0) {
            throw new IllegalArgumentException("unterminated placeholder at " + (from - 2));
        }
        return close;
    }
}
