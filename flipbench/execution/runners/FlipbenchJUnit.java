import java.io.File;
import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;

/**
 * JUnit 4 and JUnit 5 test classes run one test method at a time through JUnit's own API, for
 * {@link FlipbenchRunner} (a test class named {@code junit4:CLASS} or {@code junit5:CLASS}).
 *
 * JUnit 4: {@code JUnitCore.run(Request.method(class, name))}. JUnit 5: the JUnit Platform launcher with
 * the Jupiter engine, the method selected by {@code DiscoverySelectors.selectMethod}. Either way JUnit
 * runs the test as in its own project (fixtures, rules, expected exceptions, parameters); the test's
 * first failure is rethrown, so the runner reports it as for its own format (an AssertionError, which
 * JUnit's assertions throw, is {@code failed}, any other exception {@code error}). A test JUnit ignores
 * or skips ran no check: it passes. The JUnit jars are Debian's ({@code junit4}, {@code junit5} in
 * /usr/share/java), loaded here by reflection so that the runner builds and runs without them.
 */
final class FlipbenchJUnit {
    static final String[] JARS = {
        "junit4.jar", "hamcrest-core.jar", "hamcrest.jar",
        "junit-jupiter-api.jar", "junit-jupiter-engine.jar", "junit-jupiter-params.jar",
        "junit-platform-commons.jar", "junit-platform-engine.jar", "junit-platform-launcher.jar",
        "opentest4j.jar", "apiguardian-api.jar",
    };
    static final String JAR_FOLDER = "/usr/share/java";
    private static ClassLoader loader;
    private static Object launcher;

    private FlipbenchJUnit() {}

    /** The JUnit jars this machine has, as a class path (empty when it has none). */
    static String classpath() {
        StringBuilder path = new StringBuilder();
        for (File jar : jars()) {
            path.append(path.length() == 0 ? "" : File.pathSeparator).append(jar.getPath());
        }
        return path.toString();
    }

    /** A loader that sees the JUnit jars, below {@code parent}: the parent of every variant's loader. */
    static synchronized ClassLoader parent(ClassLoader parent) throws MalformedURLException {
        if (loader == null) {
            List<URL> urls = new ArrayList<>();
            for (File jar : jars()) {
                urls.add(jar.toURI().toURL());
            }
            loader = urls.isEmpty() ? parent : new URLClassLoader(urls.toArray(new URL[0]), parent);
        }
        return loader;
    }

    private static List<File> jars() {
        List<File> found = new ArrayList<>();
        for (String name : JARS) {
            File jar = new File(JAR_FOLDER, name);
            if (jar.isFile()) {
                found.add(jar);
            }
        }
        return found;
    }

    /**
     * Loads JUnit before a test class's first test is timed: the JUnit 5 launcher (created once per JVM,
     * its engines found through the JUnit jars' loader) discovers the class, which loads what its runs use.
     */
    static void prepare(String framework, Class<?> tests) throws Throwable {
        try {
            load(framework, tests);
        } catch (InvocationTargetException error) {
            throw error.getCause();
        } catch (ClassNotFoundException missing) {
            throw new IllegalStateException("JUnit is not installed where the tests run (Debian: junit4, junit5): "
                    + missing.getMessage());
        }
    }

    private static void load(String framework, Class<?> tests) throws Exception {
        ClassLoader classes = tests.getClassLoader();
        if (framework.equals("junit4")) {
            Class.forName("org.junit.runner.JUnitCore", true, classes);
            return;
        }
        Object request = request(classes, Class.forName("org.junit.platform.engine.discovery.DiscoverySelectors",
                true, classes).getMethod("selectClass", Class.class).invoke(null, tests));
        Class<?> requestType = Class.forName("org.junit.platform.launcher.LauncherDiscoveryRequest", true, classes);
        Class.forName("org.junit.platform.launcher.Launcher", true, classes).getMethod("discover", requestType)
                .invoke(launcher(classes), request);
    }

    private static synchronized Object launcher(ClassLoader classes) throws Exception {
        if (launcher == null) {
            Thread thread = Thread.currentThread();
            ClassLoader context = thread.getContextClassLoader();
            thread.setContextClassLoader(loader == null ? classes : loader);
            try {
                launcher = Class.forName("org.junit.platform.launcher.core.LauncherFactory", true, classes)
                        .getMethod("create").invoke(null);
            } finally {
                thread.setContextClassLoader(context);
            }
        }
        return launcher;
    }

    /** A discovery request for one selector. */
    private static Object request(ClassLoader classes, Object selector) throws Exception {
        Class<?> selectorType = Class.forName("org.junit.platform.engine.DiscoverySelector", true, classes);
        Object selected = Array.newInstance(selectorType, 1);
        Array.set(selected, 0, selector);
        Class<?> builderClass = Class.forName("org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder",
                true, classes);
        Object builder = builderClass.getMethod("request").invoke(null);
        builderClass.getMethod("selectors", selected.getClass()).invoke(builder, selected);
        return builderClass.getMethod("build").invoke(builder);
    }

    /** Runs one test method; throws its first failure. */
    static void run(String framework, Class<?> tests, String name) throws Throwable {
        ClassLoader classes = tests.getClassLoader();
        Thread.currentThread().setContextClassLoader(classes);
        try {
            if (framework.equals("junit4")) {
                runJUnit4(classes, tests, name);
            } else {
                runJUnit5(classes, tests, name);
            }
        } catch (InvocationTargetException error) {
            throw error.getCause();
        } catch (ClassNotFoundException missing) {
            throw new IllegalStateException("JUnit is not installed where the tests run (Debian: junit4, junit5): "
                    + missing.getMessage());
        }
    }

    private static void runJUnit4(ClassLoader classes, Class<?> tests, String name) throws Throwable {
        Class<?> requestClass = Class.forName("org.junit.runner.Request", true, classes);
        Object request = requestClass.getMethod("method", Class.class, String.class).invoke(null, tests, name);
        Class<?> core = Class.forName("org.junit.runner.JUnitCore", true, classes);
        Object result = core.getMethod("run", requestClass).invoke(core.getConstructor().newInstance(), request);
        List<?> failures = (List<?>) result.getClass().getMethod("getFailures").invoke(result);
        if (!failures.isEmpty()) {
            Object failure = failures.get(0);
            throw (Throwable) failure.getClass().getMethod("getException").invoke(failure);
        }
    }

    private static void runJUnit5(ClassLoader classes, Class<?> tests, String name) throws Throwable {
        Method method = null;
        for (Method candidate : tests.getDeclaredMethods()) {
            if (candidate.getName().equals(name)) {
                method = candidate;
                break;
            }
        }
        if (method == null) {
            throw new NoSuchMethodException(tests.getName() + "." + name);
        }
        Class<?> selectors = Class.forName("org.junit.platform.engine.discovery.DiscoverySelectors", true, classes);
        Object request = request(classes, selectors.getMethod("selectMethod", Class.class, Method.class)
                .invoke(null, tests, method));
        Object launcher = launcher(classes);
        Class<?> listenerType = Class.forName("org.junit.platform.launcher.TestExecutionListener", true, classes);
        Object summaryListener = Class.forName("org.junit.platform.launcher.listeners.SummaryGeneratingListener",
                true, classes).getConstructor().newInstance();
        Object listeners = Array.newInstance(listenerType, 1);
        Array.set(listeners, 0, summaryListener);
        Class<?> requestType = Class.forName("org.junit.platform.launcher.LauncherDiscoveryRequest", true, classes);
        // methods looked up on JUnit's public interfaces: the objects' own classes are not public
        Class<?> launcherType = Class.forName("org.junit.platform.launcher.Launcher", true, classes);
        launcherType.getMethod("execute", requestType, listeners.getClass()).invoke(launcher, request, listeners);
        Object summary = summaryListener.getClass().getMethod("getSummary").invoke(summaryListener);
        Class<?> summaryType = Class.forName("org.junit.platform.launcher.listeners.TestExecutionSummary", true, classes);
        List<?> failures = (List<?>) summaryType.getMethod("getFailures").invoke(summary);
        if (!failures.isEmpty()) {
            Class<?> failureType = Class.forName("org.junit.platform.launcher.listeners.TestExecutionSummary$Failure",
                    true, classes);
            throw (Throwable) failureType.getMethod("getException").invoke(failures.get(0));
        }
        long found = (Long) summaryType.getMethod("getTestsFoundCount").invoke(summary);
        if (found == 0) {
            throw new IllegalStateException("JUnit 5 found no test " + name + " in " + tests.getName());
        }
    }
}
