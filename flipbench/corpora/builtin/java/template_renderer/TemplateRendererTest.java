import java.util.List;
import java.util.Map;
import java.util.Objects;

public class TemplateRendererTest {
    private static final Map<String, String> VALUES = Map.of("name", "Ada", "lang", "Java", "empty", "");

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

    private static String checkRejected(TemplateRenderer renderer, String template) {
        try {
            renderer.render(template);
        } catch (IllegalArgumentException expected) {
            return expected.getMessage();
        }
        throw new AssertionError("expected rejection of " + template);
    }

    static void testRenderReplacesPlaceholders() {
        TemplateRenderer renderer = new TemplateRenderer(VALUES, true);
        checkEquals("Hello Ada, welcome to Java!", renderer.render("Hello ${name}, welcome to ${lang}!"));
        checkEquals("AdaJava", renderer.render("${name}${lang}"));
        checkEquals("plain text", renderer.render("plain text"));
        checkEquals("", renderer.render(""));
        checkEquals("[]", renderer.render("[${empty}]"));
    }

    static void testDefaultsApplyToMissingAndEmptyValues() {
        TemplateRenderer renderer = new TemplateRenderer(VALUES, true);
        checkEquals("anon", renderer.render("${user:-anon}"));
        checkEquals("Ada", renderer.render("${name:-anon}"));
        checkEquals("x", renderer.render("${empty:-x}"));
        checkEquals("<>", renderer.render("<${user:-}>"));
        checkEquals("a:-b", renderer.render("${user:-a:-b}"));
    }

    static void testDollarEscapes() {
        TemplateRenderer renderer = new TemplateRenderer(VALUES, true);
        checkEquals("cost: $5", renderer.render("cost: $$5"));
        checkEquals("$Ada", renderer.render("$$${name}"));
        checkEquals("${name}", renderer.render("$${name}"));
        checkEquals("a$b", renderer.render("a$b"));
        checkEquals("x$", renderer.render("x$"));
        checkEquals("$", renderer.render("$"));
    }

    static void testMissingVariableStrictAndLenient() {
        checkEquals("missing variable: user", checkRejected(new TemplateRenderer(VALUES, true), "hi ${user}"));
        checkEquals("hi !", new TemplateRenderer(VALUES, false).render("hi ${user}!"));
        checkEquals("hi Ada", new TemplateRenderer(VALUES, false).render("hi ${name}"));
    }

    static void testMalformedPlaceholdersAreRejected() {
        TemplateRenderer renderer = new TemplateRenderer(VALUES, false);
        checkEquals("unterminated placeholder at 3", checkRejected(renderer, "hi ${name"));
        checkRejected(renderer, "${1abc}");
        checkRejected(renderer, "${}");
        checkRejected(renderer, "${a-b:-x}");
    }

    static void testVariablesListsDistinctNamesInOrder() {
        checkEquals(List.of("a", "c", "d"), TemplateRenderer.variables("${a} $${b} ${c:-x} ${a} ${d}"));
        checkEquals(List.of("x"), TemplateRenderer.variables("${x}"));
        checkEquals(List.of("a", "b"), TemplateRenderer.variables("${a}${b}"));
        checkEquals(List.of("b"), TemplateRenderer.variables("$$${b}"));
        checkEquals(List.of(), TemplateRenderer.variables(""));
        checkEquals(List.of(), TemplateRenderer.variables("$"));
        checkEquals(List.of(), TemplateRenderer.variables("$$ and $a"));
        boolean thrown = false;
        try {
            TemplateRenderer.variables("a${");
        } catch (IllegalArgumentException expected) {
            thrown = true;
        }
        check(thrown, "unterminated placeholder");
    }

    static void testIsValidName() {
        check(TemplateRenderer.isValidName("_x1"), "_x1");
        check(TemplateRenderer.isValidName("a"), "a");
        check(TemplateRenderer.isValidName("z"), "z");
        check(TemplateRenderer.isValidName("A9"), "A9");
        check(TemplateRenderer.isValidName("Z0"), "Z0");
        check(!TemplateRenderer.isValidName("9a"), "leading digit");
        check(!TemplateRenderer.isValidName(""), "empty");
        check(!TemplateRenderer.isValidName("a-b"), "dash");
        check(!TemplateRenderer.isValidName("@"), "@");
        check(!TemplateRenderer.isValidName("["), "[");
        check(!TemplateRenderer.isValidName("`"), "backtick");
        check(!TemplateRenderer.isValidName("{"), "{");
        check(!TemplateRenderer.isValidName("a/"), "slash");
        check(!TemplateRenderer.isValidName("a:"), "colon");
    }

    static void testEscapeRoundTrips() {
        checkEquals("50$$ and $$$$", TemplateRenderer.escape("50$ and $$"));
        checkEquals("no dollars", TemplateRenderer.escape("no dollars"));
        String text = "${name} costs $$ or $";
        checkEquals(text, new TemplateRenderer(VALUES, true).render(TemplateRenderer.escape(text)));
    }
}
