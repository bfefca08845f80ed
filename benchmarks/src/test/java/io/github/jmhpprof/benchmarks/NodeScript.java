package io.github.jmhpprof.benchmarks;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the Node.js scripts of {@code src/test/node/} (a second pprof decoder, and the headless
 * Chromium check of pprof's web UI). Their npm packages are pinned by that folder's
 * package-lock.json and installed by {@code ./setup.sh} ({@code npm ci}). When Node.js or the
 * packages are missing this fails with what to run, rather than skipping.
 */
final class NodeScript {

    /** What one script run printed. */
    record Result(int exitCode, String stdout, String stderr) {}

    private NodeScript() {}

    /** {@code src/test/node/} of the benchmarks module, found from its source root. */
    static Path directory() {
        Path sourceRoot = Path.of(System.getProperty("benchmarks.sourceRoot", "src/main/java"));
        return sourceRoot.toAbsolutePath().resolve("../../test/node").normalize();
    }

    /** Runs {@code node SCRIPT ARGS...} in {@link #directory()}; fails after the timeout. */
    static Result run(long timeoutSeconds, String script, List<String> args) throws IOException, InterruptedException {
        Path dir = directory();
        for (String dependency : List.of("pprof-format", "playwright-core")) {
            if (!Files.isDirectory(dir.resolve("node_modules").resolve(dependency))) {
                throw new AssertionError("npm package " + dependency + " is not installed in " + dir
                        + ": run ./setup.sh, or (cd " + dir + " && npm ci)");
            }
        }
        List<String> command = new ArrayList<>();
        command.add(node().toString());
        command.add(script);
        command.addAll(args);
        Path out = Files.createTempFile("node-stdout", ".txt");
        Path err = Files.createTempFile("node-stderr", ".txt");
        try {
            Process process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile())
                    .start();
            process.getOutputStream().close();
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                // The browser is a child of node: stop the whole tree.
                ProcessTree.stop(process);
                throw new AssertionError("node " + script + " did not finish in " + timeoutSeconds + " s: " + command
                        + "\n" + Files.readString(err, StandardCharsets.UTF_8));
            }
            return new Result(
                    process.exitValue(),
                    Files.readString(out, StandardCharsets.UTF_8),
                    Files.readString(err, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    private static Path node() {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(File.pathSeparator))
                .filter(d -> !d.isEmpty())
                .map(d -> Path.of(d, "node"))
                .filter(Files::isExecutable)
                .findFirst()
                .orElseThrow(
                        () -> new AssertionError("node not found on PATH: install Node.js 20+ and run ./setup.sh"));
    }
}
