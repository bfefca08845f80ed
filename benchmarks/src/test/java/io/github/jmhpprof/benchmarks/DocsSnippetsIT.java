package io.github.jmhpprof.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * What the README and the docs/ pages show works as shown: every {@code ```java} block is a
 * complete source file that compiles against the profiler (and JMH) as users get them, and every
 * {@code ```sh runnable} block runs and exits 0, from a directory laid out like the repository.
 */
class DocsSnippetsIT {

    private static final Pattern BLOCK = Pattern.compile("(?ms)^```(java|sh runnable)\\s*\\n(.*?)^```\\s*$");
    private static final Pattern PUBLIC_CLASS =
            Pattern.compile("(?m)^public (?:final )?(?:class|record|interface) (\\w+)");
    private static final long RUN_TIMEOUT_SECONDS = 600;

    record Snippet(Path page, int index, String kind, String text) {
        String name() {
            return page.getFileName() + " #" + index + " (" + kind + ")";
        }
    }

    @TestFactory
    Stream<DynamicTest> everyJavaBlockCompilesAndEveryRunnableShellBlockRuns() throws IOException {
        List<Snippet> snippets = snippets();
        assertTrue(snippets.stream().anyMatch(s -> s.kind().equals("java")), "java blocks found: " + snippets);
        assertTrue(
                snippets.stream().anyMatch(s -> s.kind().equals("sh runnable")), "runnable blocks found: " + snippets);
        return snippets.stream()
                .map(s -> DynamicTest.dynamicTest(s.name(), () -> {
                    if (s.kind().equals("java")) {
                        compiles(s);
                    } else {
                        runs(s);
                    }
                }));
    }

    static Path repositoryRoot() {
        return Path.of(System.getProperty("benchmarks.sourceRoot"))
                .resolve("../../../..")
                .toAbsolutePath()
                .normalize();
    }

    static List<Snippet> snippets() throws IOException {
        Path root = repositoryRoot();
        List<Path> pages = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<Snippet> snippets = new ArrayList<>();
        for (Path page : pages) {
            Matcher m = BLOCK.matcher(Files.readString(page, StandardCharsets.UTF_8));
            int index = 0;
            while (m.find()) {
                snippets.add(new Snippet(page, ++index, m.group(1), m.group(2)));
            }
        }
        return snippets;
    }

    private static void compiles(Snippet snippet) throws IOException {
        Matcher name = PUBLIC_CLASS.matcher(snippet.text());
        assertTrue(name.find(), snippet.name() + ": a complete source file with a public class:\n" + snippet.text());
        Path dir = BenchmarksJar.newWorkDir("snippet");
        Path source = dir.resolve(name.group(1) + ".java");
        Files.writeString(source, snippet.text(), StandardCharsets.UTF_8);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int status = javac.run(
                null,
                errors,
                errors,
                "-d",
                dir.resolve("classes").toString(),
                "-cp",
                BenchmarksJar.jar().toAbsolutePath().toString(),
                source.toString());
        assertEquals(
                0,
                status,
                snippet.name() + " does not compile:\n" + errors.toString(StandardCharsets.UTF_8) + "\n"
                        + snippet.text());
    }

    /** In a fresh directory whose benchmarks/ is the repository's, so paths read as in a checkout. */
    private static void runs(Snippet snippet) throws IOException, InterruptedException {
        Path dir = BenchmarksJar.newWorkDir("snippet");
        Files.createSymbolicLink(dir.resolve("benchmarks"), repositoryRoot().resolve("benchmarks"));
        Path script = dir.resolve("snippet.sh");
        Files.writeString(script, snippet.text(), StandardCharsets.UTF_8);
        ProcessBuilder builder = new ProcessBuilder("bash", "-eu", "-o", "pipefail", script.toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("output.txt").toFile());
        // The JDK under test first on the PATH; other JMH runs on this machine do not block this one.
        builder.environment().put("PATH", BenchmarksJar.javaBinary().getParent() + ":" + System.getenv("PATH"));
        builder.environment().put("JAVA_TOOL_OPTIONS", "-Djmh.ignoreLock=true");
        Process process = builder.start();
        process.getOutputStream().close();
        boolean done = process.waitFor(RUN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (!done) {
            ProcessTree.stop(process);
        }
        String output = Files.readString(dir.resolve("output.txt"), StandardCharsets.UTF_8);
        assertTrue(done, snippet.name() + " did not finish in " + RUN_TIMEOUT_SECONDS + " s:\n" + output);
        assertEquals(
                0, process.exitValue(), snippet.name() + " failed:\n" + snippet.text() + "\n--- output:\n" + output);
        assertFalse(output.isBlank(), snippet.name() + " printed nothing");
    }
}
