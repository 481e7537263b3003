import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Integer arithmetic expressions with + - * / % ^, parentheses and unary minus, evaluated by
 * converting to postfix with the shunting-yard algorithm. Unary minus is written "~" in tokens.
 */
public class ExpressionEvaluator {
    public static long evaluate(String expression) {
        return evaluatePostfix(toPostfix(tokenize(expression)));
    }

    public static List<String> tokenize(String expression) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < expression.length()) {
            char c = expression.charAt(i);
            if (c == ' ') {
                i++;
                continue;
            }
            if (isDigit(c)) {
                int start = i;
                while (i < expression.length() && isDigit(expression.charAt(i))) {
                    i++;
                }
                tokens.add(expression.substring(start, i));
                continue;
            }
            if (c == '-' && expectsOperand(tokens)) {
                tokens.add("~");
            } else if ("+-*/%^()".indexOf(c) >= 0) {
                tokens.add(String.valueOf(c));
            } else {
                throw new IllegalArgumentException("unexpected '" + c + "' at " + i);
            }
            i++;
        }
        return tokens;
    }

    public static List<String> toPostfix(List<String> tokens) {
        List<String> output = new ArrayList<>();
        Deque<String> ops = new ArrayDeque<>();
        for (int i = 0; i < tokens.size(); i++) {
            String token = tokens.get(i);
            if (isDigit(token.charAt(0))) {
                output.add(token);
            } else if (token.equals("(") || token.equals("~")) {
                // prefix operators wait for their operand
                ops.push(token);
            } else if (token.equals(")")) {
                while (!ops.isEmpty() && !ops.peek().equals("(")) {
                    output.add(ops.pop());
                }
                if (ops.isEmpty()) {
                    throw new IllegalArgumentException("unmatched )");
                }
                ops.pop();
            } else {
                while (!ops.isEmpty() && !ops.peek().equals("(") && shouldPop(ops.peek(), token)) {
                    output.add(ops.pop());
                }
                ops.push(token);
            }
        }
        while (!ops.isEmpty()) {
            String op = ops.pop();
            if (op.equals("(")) {
                throw new IllegalArgumentException("unmatched (");
            }
            output.add(op);
        }
        return output;
    }

    public static long evaluatePostfix(List<String> postfix) {
        Deque<Long> stack = new ArrayDeque<>();
        for (int i = 0; i < postfix.size(); i++) {
            String token = postfix.get(i);
            if (isDigit(token.charAt(0))) {
                stack.push(Long.parseLong(token));
            } else if (token.equals("~")) {
                require(stack, 1);
                stack.push(-stack.pop());
            } else {
                require(stack, 2);
                long right = stack.pop();
                long left = stack.pop();
                stack.push(apply(token, left, right));
            }
        }
        if (stack.size() != 1) {
            throw new IllegalArgumentException("malformed expression");
        }
        return stack.pop();
    }

    private static long apply(String op, long a, long b) {
        if (op.equals("+")) {
            return a + b;
        }
        if (op.equals("-")) {
            return a - b;
        }
        if (op.equals("*")) {
            return a * b;
        }
        if (op.equals("^")) {
            if (b < 0) {
                throw new ArithmeticException("negative exponent");
            }
            return power(a, b);
        }
        if (b == 0) {
            throw new ArithmeticException("division by zero");
        }
        return op.equals("/") ? a / b : a % b;
    }

    private static long power(long base, long exponent) {
        if (exponent == 0) {
            return 1;
        }
        long half = power(base, exponent / 2);
        long result = half * half;
        if (exponent % 2 == 1) {
            result *= base;
        }
        return result;
    }

    // ^ is right-associative; everything else groups to the left
    private static boolean shouldPop(String top, String incoming) {
        int a = precedence(top);
        int b = precedence(incoming);
        return a > b || (a == b && !incoming.equals("^"));
    }

    private static int precedence(String op) {
        if (op.equals("+") || op.equals("-")) {
            return 1;
        }
        if (op.equals("*") || op.equals("/") || op.equals("%")) {
            return 2;
        }
        return op.equals("~") ? 3 : 4;
    }

    private static boolean expectsOperand(List<String> tokens) {
        if (tokens.isEmpty()) {
            return true;
        }
        String last = tokens.get(tokens.size() - 1);
        return !last.equals(")") && !isDigit(last.charAt(0));
    }

    private static void require(Deque<Long> stack, int count) {
        if (stack.size() < count) {
            throw new IllegalArgumentException("missing operand");
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
