import java.io.ByteArrayOutputStream;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;

/**
 * flipbench's Java test runner: runs the named static test methods of a test class, one at a time.
 *
 * <pre>java FlipbenchRunner RESULTS_FILE TEST_CLASS TIMEOUT_MILLIS TEST_NAME...</pre>
 *
 * Writes one JSON object per test to RESULTS_FILE as soon as the test ends. Each test runs in its
 * own thread (with a large stack, so deep but finite recursion behaves as in a main thread) with
 * System.out and System.err captured; a test that runs past its limit is abandoned and reported
 * as a timeout, and the run goes on with the next test.
 */
public final class FlipbenchRunner {
    private static final long STACK_BYTES = 64L * 1024 * 1024;

    private FlipbenchRunner() {}

    public static void main(String[] args) throws Exception {
        String resultsPath = args[0];
        String testClass = args[1];
        long timeoutMillis = Long.parseLong(args[2]);
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        try (Writer results = new OutputStreamWriter(new FileOutputStream(resultsPath), StandardCharsets.UTF_8)) {
            Class<?> tests;
            try {
                tests = Class.forName(testClass);
            } catch (Throwable error) {
                results.write("{\"collection_error\":" + quote(describe(error)) + "}\n");
                results.flush();
                System.exit(0);
                return;
            }
            for (int i = 3; i < args.length; i++) {
                String name = args[i];
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                Throwable[] failure = new Throwable[1];
                Thread worker = new Thread(null, () -> {
                    try {
                        Method method = tests.getDeclaredMethod(name);
                        method.setAccessible(true);
                        method.invoke(null);
                    } catch (InvocationTargetException error) {
                        failure[0] = error.getCause();
                    } catch (Throwable error) {
                        failure[0] = error;
                    }
                }, "flipbench-" + name, STACK_BYTES);
                worker.setDaemon(true);
                System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
                System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
                long started = System.nanoTime();
                worker.start();
                worker.join(timeoutMillis);
                double seconds = (System.nanoTime() - started) / 1e9;
                boolean timedOut = worker.isAlive();
                System.out.flush();
                System.err.flush();
                System.setOut(realOut);
                System.setErr(realErr);
                String outcome;
                String message = "";
                if (timedOut) {
                    outcome = "timeout";
                    message = "test ran longer than " + (timeoutMillis / 1000.0) + "s";
                } else if (failure[0] == null) {
                    outcome = "passed";
                } else {
                    outcome = failure[0] instanceof AssertionError ? "failed" : "error";
                    message = describe(failure[0]);
                }
                results.write("{\"test\":" + quote(name)
                        + ",\"outcome\":" + quote(outcome)
                        + ",\"stdout\":" + quote(out.toString(StandardCharsets.UTF_8))
                        + ",\"stderr\":" + quote(err.toString(StandardCharsets.UTF_8))
                        + ",\"message\":" + quote(message)
                        + ",\"seconds\":" + String.format(java.util.Locale.ROOT, "%.6f", seconds) + "}\n");
                results.flush();
            }
        }
        System.exit(0);
    }

    private static String describe(Throwable error) {
        String message = error.getMessage();
        return error.getClass().getName() + (message == null ? "" : ": " + message);
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"': quoted.append("\\\""); break;
                case '\\': quoted.append("\\\\"); break;
                case '\n': quoted.append("\\n"); break;
                case '\r': quoted.append("\\r"); break;
                case '\t': quoted.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
            }
        }
        return quoted.append('"').toString();
    }
}
