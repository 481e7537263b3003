import java.util.List;
import java.util.Objects;

public class ExpressionEvaluatorTest {
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

    private static String failure(String expression) {
        try {
            ExpressionEvaluator.evaluate(expression);
        } catch (IllegalArgumentException | ArithmeticException expected) {
            return expected.getMessage();
        }
        throw new AssertionError("expected failure for " + expression);
    }

    private static List<String> postfix(String expression) {
        return ExpressionEvaluator.toPostfix(ExpressionEvaluator.tokenize(expression));
    }

    static void testTokenize() {
        checkEquals(List.of("12", "+", "3", "*", "(", "4", "-", "5", ")"), ExpressionEvaluator.tokenize("12+3*(4-5)"));
        checkEquals(List.of("~", "3", "-", "~", "2"), ExpressionEvaluator.tokenize("-3 - -2"));
        checkEquals(List.of("(", "~", "1", ")", "-", "1"), ExpressionEvaluator.tokenize("(-1)-1"));
        checkEquals(List.of("7", "%", "90"), ExpressionEvaluator.tokenize(" 7 % 90 "));
        checkEquals(List.of(), ExpressionEvaluator.tokenize(""));
        checkEquals("unexpected 'x' at 3", failure("2*-x"));
        checkEquals("unexpected ':' at 1", failure("1:2"));
    }

    static void testPostfixOrder() {
        checkEquals(List.of("1", "2", "3", "*", "+"), postfix("1+2*3"));
        checkEquals(List.of("1", "2", "*", "3", "+"), postfix("1*2+3"));
        checkEquals(List.of("1", "2", "+", "3", "*"), postfix("(1+2)*3"));
        checkEquals(List.of("8", "3", "-", "2", "-"), postfix("8-3-2"));
        checkEquals(List.of("2", "3", "2", "^", "^"), postfix("2^3^2"));
        checkEquals(List.of("10", "2", "/", "3", "%"), postfix("10/2%3"));
        checkEquals(List.of("2", "2", "^", "~"), postfix("-2^2"));
        checkEquals(List.of("2", "3", "~", "*"), postfix("2*-3"));
        checkEquals(List.of("2", "~", "3", "*"), postfix("-2*3"));
    }

    static void testPrecedenceAndAssociativity() {
        checkEquals(7L, ExpressionEvaluator.evaluate("1+2*3"));
        checkEquals(9L, ExpressionEvaluator.evaluate("(1+2)*3"));
        checkEquals(3L, ExpressionEvaluator.evaluate("8-3-2"));
        checkEquals(2L, ExpressionEvaluator.evaluate("1-2+3"));
        checkEquals(1L, ExpressionEvaluator.evaluate("12/4/3"));
        checkEquals(10L, ExpressionEvaluator.evaluate("7*3/2"));
        checkEquals(1L, ExpressionEvaluator.evaluate("7*3%4"));
        checkEquals(512L, ExpressionEvaluator.evaluate("2^3^2"));
        checkEquals(16L, ExpressionEvaluator.evaluate("2^3*2"));
        checkEquals(18L, ExpressionEvaluator.evaluate("2*3^2"));
        checkEquals(70L, ExpressionEvaluator.evaluate("2*(3+4)*5"));
        checkEquals(4L, ExpressionEvaluator.evaluate("((4))"));
    }

    static void testUnaryMinus() {
        checkEquals(-4L, ExpressionEvaluator.evaluate("-2^2"));
        checkEquals(4L, ExpressionEvaluator.evaluate("(-2)^2"));
        checkEquals(-6L, ExpressionEvaluator.evaluate("2*-3"));
        checkEquals(9L, ExpressionEvaluator.evaluate("-3*-3"));
        checkEquals(5L, ExpressionEvaluator.evaluate("--5"));
        checkEquals(8L, ExpressionEvaluator.evaluate("5-(-3)"));
        checkEquals(-1L, ExpressionEvaluator.evaluate("-1"));
    }

    static void testDivisionRemainderAndPower() {
        checkEquals(3L, ExpressionEvaluator.evaluate("7/2"));
        checkEquals(-3L, ExpressionEvaluator.evaluate("-7/2"));
        checkEquals(1L, ExpressionEvaluator.evaluate("7%3"));
        checkEquals(2L, ExpressionEvaluator.evaluate("10/2%3"));
        checkEquals(1L, ExpressionEvaluator.evaluate("2^0"));
        checkEquals(1024L, ExpressionEvaluator.evaluate("2^10"));
        checkEquals(243L, ExpressionEvaluator.evaluate("3^5"));
        checkEquals(100L, ExpressionEvaluator.evaluate("100"));
        checkEquals(11L, ExpressionEvaluator.evaluate("4+7"));
    }

    static void testArithmeticErrors() {
        checkEquals("division by zero", failure("1/0"));
        checkEquals("division by zero", failure("5%(2-2)"));
        checkEquals("negative exponent", failure("2^-1"));
        checkEquals(0L, ExpressionEvaluator.evaluate("0/5"));
    }

    static void testMalformedExpressions() {
        checkEquals("unmatched (", failure("(1+2"));
        checkEquals("unmatched )", failure("1+2)"));
        checkEquals("malformed expression", failure("1 2"));
        checkEquals("malformed expression", failure(""));
        checkEquals("missing operand", failure("1+"));
        checkEquals("missing operand", failure("*3"));
        checkEquals("missing operand", failure("-"));
    }
}
