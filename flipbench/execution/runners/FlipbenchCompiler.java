import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * flipbench's batch compiler: compiles many independent compilation units in one warm JVM.
 *
 * <pre>java FlipbenchCompiler SOURCE_ROOT CLASSES_DIR</pre>
 *
 * (or {@link #compileAll} from another tool in the same JVM: FlipbenchRunner compiles a batch and then
 * runs its tests in one JVM start).
 *
 * Every sub-folder of SOURCE_ROOT is one unit (its .java files, at any depth). All units compile
 * together in one compilation (put each in its own package and a whole batch compiles at the cost
 * of one); units with errors are set aside and the rest compiled again, until what is left
 * compiles. Answers one JSON line per unit: {"unit": NAME, "ok": true|false, "errors": "..."}.
 */
public final class FlipbenchCompiler {
    private FlipbenchCompiler() {}

    public static void main(String[] args) throws IOException {
        compileAll(Path.of(args[0]), Path.of(args[1]), System.out);
    }

    /** Compile every unit under {@code root} into {@code classes}, one JSON answer per unit on {@code answers}. */
    public static void compileAll(Path root, Path classes, java.io.PrintStream answers) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StandardJavaFileManager files = compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
        Files.createDirectories(classes);
        java.util.TreeMap<String, List<File>> pending = new java.util.TreeMap<>();
        try (Stream<Path> units = Files.list(root)) {
            for (Path unit : (Iterable<Path>) units.filter(Files::isDirectory).sorted()::iterator) {
                List<File> sources = new ArrayList<>();
                try (Stream<Path> listing = Files.walk(unit)) {
                    listing.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> sources.add(p.toFile()));
                }
                pending.put(unit.getFileName().toString(), sources);
            }
        }
        String classpath = System.getProperty("java.class.path") + java.io.File.pathSeparator + FlipbenchJUnit.classpath();
        List<String> options = List.of("-d", classes.toString(), "-classpath", classpath, "-encoding", "UTF-8", "-nowarn",
                "-proc:none", "-Xlint:none", "-implicit:none");
        while (!pending.isEmpty()) {
            List<File> sources = new ArrayList<>();
            pending.values().forEach(sources::addAll);
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            boolean ok = compiler.getTask(new StringWriter(), files, diagnostics, options, null,
                    files.getJavaFileObjectsFromFiles(sources)).call();
            if (ok) {
                pending.keySet().forEach(unit -> answer(answers, unit, true, ""));
                break;
            }
            java.util.Map<String, StringBuilder> failed = new java.util.TreeMap<>();
            for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
                if (diagnostic.getKind() != Diagnostic.Kind.ERROR || diagnostic.getSource() == null) {
                    continue;
                }
                Path source = Path.of(diagnostic.getSource().getName()).toAbsolutePath();
                Path relative = root.toAbsolutePath().relativize(source);
                if (relative.getNameCount() < 2 || relative.startsWith("..")) {
                    continue;
                }
                StringBuilder errors = failed.computeIfAbsent(relative.getName(0).toString(), unit -> new StringBuilder());
                if (errors.length() < 4000) {
                    errors.append(relative.subpath(1, relative.getNameCount())).append(':')
                          .append(diagnostic.getLineNumber()).append(": ")
                          .append(diagnostic.getMessage(Locale.ROOT).split("\n")[0]).append('\n');
                }
            }
            if (failed.isEmpty()) {  // errors with no unit to blame: every unit fails with the same message
                String message = diagnostics.getDiagnostics().isEmpty() ? "javac failed"
                        : diagnostics.getDiagnostics().get(0).getMessage(Locale.ROOT);
                pending.keySet().forEach(unit -> answer(answers, unit, false, message));
                break;
            }
            boolean removed = false;
            for (java.util.Map.Entry<String, StringBuilder> unit : failed.entrySet()) {
                if (pending.remove(unit.getKey()) != null) {
                    answer(answers, unit.getKey(), false, unit.getValue().toString());
                    removed = true;
                }
            }
            if (!removed) {
                pending.keySet().forEach(unit -> answer(answers, unit, false, "javac failed: " + failed));
                break;
            }
        }
        answers.flush();
    }

    private static void answer(java.io.PrintStream answers, String unit, boolean ok, String errors) {
        answers.println("{\"unit\":" + quote(unit) + ",\"ok\":" + ok + ",\"errors\":" + quote(errors) + "}");
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c == '\n') {
                quoted.append("\\n");
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
