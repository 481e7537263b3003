import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
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
 * <pre>java FlipbenchCompiler</pre>
 *
 * Reads one directory per line on standard input; compiles every .java file under it (at any
 * depth) in one compilation, writing classes to DIR/classes; answers one JSON line per directory:
 * {"dir": ..., "ok": true|false, "errors": "first error messages", "failed": ["file with errors", ...]}.
 * Put variants of one class in different packages and a whole batch compiles at the cost of one.
 */
public final class FlipbenchCompiler {
    private FlipbenchCompiler() {}

    public static void main(String[] args) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StandardJavaFileManager files = compiler.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);
        BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        String line;
        while ((line = input.readLine()) != null) {
            if (line.isBlank()) {
                continue;
            }
            Path dir = Path.of(line);
            List<File> sources = new ArrayList<>();
            try (Stream<Path> listing = Files.walk(dir)) {
                listing.filter(p -> p.toString().endsWith(".java")).sorted().forEach(p -> sources.add(p.toFile()));
            }
            Path classes = dir.resolve("classes");
            Files.createDirectories(classes);
            DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromFiles(sources);
            List<String> options = List.of("-d", classes.toString(), "-encoding", "UTF-8", "-nowarn",
                    "-proc:none", "-Xlint:none", "-implicit:none");
            StringWriter out = new StringWriter();
            boolean ok = compiler.getTask(out, files, diagnostics, options, null, units).call();
            StringBuilder errors = new StringBuilder();
            java.util.Set<String> failed = new java.util.TreeSet<>();
            for (Diagnostic<? extends JavaFileObject> diagnostic : diagnostics.getDiagnostics()) {
                if (diagnostic.getKind() != Diagnostic.Kind.ERROR) {
                    continue;
                }
                String source = diagnostic.getSource() == null ? "" : diagnostic.getSource().getName();
                failed.add(source);
                if (errors.length() < 4000) {
                    errors.append(source).append(':').append(diagnostic.getLineNumber()).append(": ")
                          .append(diagnostic.getMessage(Locale.ROOT).split("\n")[0]).append('\n');
                }
            }
            StringBuilder failedJson = new StringBuilder("[");
            for (String file : failed) {
                failedJson.append(failedJson.length() > 1 ? "," : "").append(quote(file));
            }
            failedJson.append(']');
            System.out.println("{\"dir\":" + quote(line) + ",\"ok\":" + ok + ",\"errors\":" + quote(errors.toString())
                    + ",\"failed\":" + failedJson + "}");
            System.out.flush();
        }
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
