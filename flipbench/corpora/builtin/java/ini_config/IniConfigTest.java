import java.util.List;
import java.util.Objects;

public class IniConfigTest {
    private static final String SAMPLE = String.join("\n",
            "; global settings",
            "name = demo",
            "debug = yes",
            "",
            "[Server]",
            "  host = example.org   ; primary",
            "port=8080",
            "timeout = -15",
            "# a comment",
            "[paths]",
            "root = \"  /srv/www  \"",
            "include = a, b,, c ,",
            "empty =");

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
            IniConfig.parse(text);
        } catch (IllegalArgumentException expected) {
            return expected.getMessage();
        }
        throw new AssertionError("expected a parse error for " + text);
    }

    private static void checkBadInt(String value) {
        IniConfig config = IniConfig.parse("n = " + value);
        try {
            config.getInt("", "n", 0);
        } catch (NumberFormatException expected) {
            return;
        }
        throw new AssertionError("expected NumberFormatException for " + value);
    }

    static void testSectionsKeysAndSize() {
        IniConfig config = IniConfig.parse(SAMPLE);
        checkEquals(List.of("", "server", "paths"), config.sections());
        checkEquals(List.of("host", "port", "timeout"), config.keys("SERVER"));
        checkEquals(List.of("name", "debug"), config.keys(""));
        checkEquals(List.of(), config.keys("nosuch"));
        checkEquals(8, config.size());
        checkEquals(0, IniConfig.parse("").size());
    }

    static void testValuesAreTrimmedUnquotedAndStripped() {
        IniConfig config = IniConfig.parse(SAMPLE);
        checkEquals("demo", config.get("", "name"));
        checkEquals("example.org", config.get("server", "HOST"));
        checkEquals("  /srv/www  ", config.get("Paths", "root"));
        checkEquals("", config.get("paths", "empty"));
        checkEquals(null, config.get("paths", "nosuch"));
        checkEquals(null, config.get("nosuch", "name"));
        checkEquals("", IniConfig.parse("q = \"\"").get("", "q"));
        checkEquals("\"", IniConfig.parse("q = \"").get("", "q"));
        checkEquals("a;b", IniConfig.parse("q = a;b").get("", "q"));
        checkEquals("v", IniConfig.parse("q = v ; note").get("", "q"));
    }

    static void testLaterKeysWinAndSectionsMerge() {
        IniConfig config = IniConfig.parse("[a]\nx = 1\n[b]\ny = 2\n[A]\nx = 3\nz = 4");
        checkEquals(List.of("a", "b"), config.sections());
        checkEquals(List.of("x", "z"), config.keys("a"));
        checkEquals("3", config.get("a", "x"));
        checkEquals(3, config.size());
        checkEquals(List.of("empty"), IniConfig.parse("[empty]").sections());
    }

    static void testMalformedLinesAreReported() {
        checkEquals("line 1: bad section header", parseError("[server"));
        checkEquals("line 2: bad section header", parseError("a = 1\n[ ]"));
        checkEquals("line 1: bad section header", parseError("["));
        checkEquals("line 3: expected key = value", parseError("[s]\n\njust words"));
        checkEquals("line 1: expected key = value", parseError("= value"));
    }

    static void testGetInt() {
        IniConfig config = IniConfig.parse(SAMPLE);
        checkEquals(8080, config.getInt("server", "port", 0));
        checkEquals(-15, config.getInt("server", "timeout", 0));
        checkEquals(3, config.getInt("server", "retries", 3));
        checkEquals(5, IniConfig.parse("n = +5").getInt("", "n", 0));
        checkEquals(2147483647, IniConfig.parse("n = 2147483647").getInt("", "n", 0));
        checkEquals(-2147483648, IniConfig.parse("n = -2147483648").getInt("", "n", 0));
        checkEquals(90, IniConfig.parse("n = 090").getInt("", "n", 0));
    }

    static void testGetIntRejectsBadNumbers() {
        checkBadInt("12a");
        checkBadInt("");
        checkBadInt("-");
        checkBadInt("/");
        checkBadInt(":");
        checkBadInt("2147483648");
        checkBadInt("-2147483649");
        checkBadInt("99999999999999999999");
    }

    static void testGetBoolean() {
        IniConfig config = IniConfig.parse("a = on\nb = OFF\nc = 1\nd = 0\ne = True\nf = no\ng = maybe");
        check(config.getBoolean("", "a", false), "on");
        check(!config.getBoolean("", "b", true), "off");
        check(config.getBoolean("", "c", false), "1");
        check(!config.getBoolean("", "d", true), "0");
        check(config.getBoolean("", "e", false), "True");
        check(!config.getBoolean("", "f", true), "no");
        check(config.getBoolean("", "missing", true), "fallback");
        check(config.getBoolean("", "debug", true), "fallback again");
        check(!IniConfig.parse("x = false").getBoolean("", "x", true), "false");
        check(IniConfig.parse("x = yes").getBoolean("", "x", false), "yes");
        boolean thrown = false;
        try {
            config.getBoolean("", "g", true);
        } catch (IllegalArgumentException expected) {
            thrown = true;
        }
        check(thrown, "maybe is not a boolean");
    }

    static void testGetList() {
        IniConfig config = IniConfig.parse(SAMPLE);
        checkEquals(List.of("a", "b", "c"), config.getList("paths", "include"));
        checkEquals(List.of("demo"), config.getList("", "name"));
        checkEquals(List.of(), config.getList("paths", "empty"));
        checkEquals(List.of(), config.getList("paths", "nosuch"));
        checkEquals(List.of("x", "y"), IniConfig.parse("l=x,y").getList("", "l"));
        checkEquals(List.of("x"), IniConfig.parse("l=,x").getList("", "l"));
    }
}
