import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;

/**
 * flipbench's Java test runner: runs the named static test methods of a test class, one at a time.
 *
 * <pre>java FlipbenchRunner RESULTS_FILE TEST_CLASS TIMEOUT_MILLIS TEST_NAME...</pre>
 * <pre>java FlipbenchRunner --batch</pre>
 * <pre>java FlipbenchRunner --compile SOURCE_ROOT CLASSES_DIR ANSWERS_FILE --batch</pre>
 *
 * In batch mode each line of standard input is one job, tab-separated:
 * {@code CLASSES_DIR RESULTS_FILE TEST_CLASS TIMEOUT_MILLIS TEST_NAME,TEST_NAME...}; every job is loaded
 * through its own class loader (fresh static state, same class names allowed) and "done" is printed
 * when it finishes, so one JVM start-up serves many variants. With {@code --compile} the same JVM first
 * compiles the batch ({@link FlipbenchCompiler#compileAll}, answers to ANSWERS_FILE): one start-up, and
 * the compiler's warm-up, serve the whole batch.
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
        if (args.length == 5 && args[0].equals("--compile")) {
            try (PrintStream answers = new PrintStream(new FileOutputStream(args[3]), true, StandardCharsets.UTF_8)) {
                FlipbenchCompiler.compileAll(java.nio.file.Path.of(args[1]), java.nio.file.Path.of(args[2]), answers);
            }
            args = new String[] {args[4]};
        }
        if (args.length == 1 && args[0].equals("--batch")) {
            BufferedReader jobs = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            PrintStream answers = System.out;
            String line;
            while ((line = jobs.readLine()) != null) {
                String[] job = line.split("\t", -1);
                if (job.length != 5) {
                    continue;
                }
                URL classes = new File(job[0]).toURI().toURL();
                ClassLoader parent = FlipbenchJUnit.parent(FlipbenchRunner.class.getClassLoader());  // sees the JUnit jars
                try (URLClassLoader loader = new URLClassLoader(new URL[] {classes}, parent)) {
                    String[] names = job[4].isEmpty() ? new String[0] : job[4].split(",");
                    runAll(loader, job[1], job[2], Long.parseLong(job[3]), names);
                }
                answers.println("done " + job[1]);
                answers.flush();
            }
            System.exit(0);
        }
        String[] names = new String[args.length - 3];
        System.arraycopy(args, 3, names, 0, names.length);
        runAll(FlipbenchRunner.class.getClassLoader(), args[0], args[1], Long.parseLong(args[2]), names);
        System.exit(0);
    }

    @SuppressWarnings("deprecation")
    private static void runAll(ClassLoader loader, String resultsPath, String testClass, long timeoutMillis,
                               String[] names) throws Exception {
        // "junit4:CLASS" / "junit5:CLASS": a JUnit test class, its methods run through JUnit (FlipbenchJUnit)
        int colon = testClass.indexOf(':');
        final String framework = colon < 0 ? null : testClass.substring(0, colon);
        testClass = testClass.substring(colon + 1);
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        try (Writer results = new OutputStreamWriter(new FileOutputStream(resultsPath), StandardCharsets.UTF_8)) {
            Class<?> tests;
            try {
                tests = Class.forName(testClass, true, loader);
            } catch (Throwable error) {
                results.write("{\"collection_error\":" + quote(describe(error)) + "}\n");
                results.flush();
                return;
            }
            if (framework != null) {
                try {
                    FlipbenchJUnit.prepare(framework, tests);
                } catch (Throwable error) {
                    results.write("{\"collection_error\":" + quote(describe(error)) + "}\n");
                    results.flush();
                    return;
                }
            }
            Method coverage = coverageProbe(loader, testClass);
            for (String name : names) {
                drain(coverage);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ByteArrayOutputStream err = new ByteArrayOutputStream();
                Throwable[] failure = new Throwable[1];
                Thread worker = new Thread(null, () -> {
                    try {
                        if (framework != null) {
                            FlipbenchJUnit.run(framework, tests, name);
                        } else {
                            Method method = tests.getDeclaredMethod(name);
                            method.setAccessible(true);
                            method.invoke(null);
                        }
                    } catch (InvocationTargetException error) {
                        failure[0] = error.getCause();
                    } catch (ThreadDeath death) {
                        throw death;
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
                if (timedOut) {
                    worker.stop();  // deprecated, still effective on JDK 17: frees the CPU for the next tests
                }
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
                        + ",\"seconds\":" + String.format(java.util.Locale.ROOT, "%.6f", seconds)
                        + (coverage == null ? "" : ",\"covered_lines\":" + java.util.Arrays.toString(drain(coverage)))
                        + "}\n");
                results.flush();
            }
        }
    }

    /** The drain() of the instrumented program's FlipbenchCoverage class, if the program was instrumented. */
    private static Method coverageProbe(ClassLoader loader, String testClass) {
        int dot = testClass.lastIndexOf('.');
        String probe = (dot < 0 ? "" : testClass.substring(0, dot + 1)) + "FlipbenchCoverage";
        try {
            return Class.forName(probe, true, loader).getMethod("drain");
        } catch (ReflectiveOperationException | LinkageError absent) {
            return null;
        }
    }

    private static int[] drain(Method probe) {
        if (probe == null) {
            return new int[0];
        }
        try {
            return (int[]) probe.invoke(null);
        } catch (ReflectiveOperationException error) {
            return new int[0];
        }
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
