package io.github.jmhpprof.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Runs the shaded {@code benchmarks.jar} as a user would: {@code java -jar benchmarks.jar ...}. */
final class BenchmarksJar {

    /** Package of the sample benchmarks. */
    static final String PKG = "io.github.jmhpprof.benchmarks.";

    /** What one run printed, and where it ran. */
    record Run(int exitCode, String output, Path workDir) {

        /**
         * {@code pprof/<benchmark-id>/<file>} of the one benchmark folder whose id starts with the
         * sample benchmark's name (e.g. {@code ConcatBenchmark.plus}); fails unless it exists.
         */
        Path profile(String benchmark, String file) {
            return profileOf(PKG + benchmark, file);
        }

        /**
         * The numbers {@code key=<n>} of the last line of the output that contains {@code prefix}:
         * what a ground-truth benchmark prints at the end of its trial.
         */
        Map<String, Long> truthLine(String prefix, List<String> keys) {
            String line = output.lines()
                    .filter(l -> l.contains(prefix))
                    .reduce((first, second) -> second)
                    .orElseThrow(() -> new AssertionError("no line '" + prefix + "' in the output: " + output));
            Map<String, Long> values = new LinkedHashMap<>();
            for (String key : keys) {
                Matcher m = Pattern.compile("\\b" + key + "=(\\d+)").matcher(line);
                if (!m.find()) {
                    throw new AssertionError("no " + key + " in " + line);
                }
                values.put(key, Long.parseLong(m.group(1)));
            }
            return values;
        }

        /** Like {@link #profile}, for a benchmark named in full, e.g. one outside the sample package. */
        Path profileOf(String fullName, String file) {
            try (Stream<Path> folders = Files.list(workDir.resolve("pprof"))) {
                List<Path> matches = folders.filter(
                                f -> f.getFileName().toString().startsWith(fullName + "-"))
                        .toList();
                if (matches.size() != 1) {
                    throw new AssertionError("want one folder for " + fullName + ", got " + matches);
                }
                Path path = matches.get(0).resolve(file);
                if (!Files.isRegularFile(path)) {
                    throw new AssertionError(path + " does not exist");
                }
                return path;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private BenchmarksJar() {}

    /**
     * The JVM the benchmarks run on: the test's own, which failsafe starts on a JDK toolchain (17,
     * or 25 in the e2e-jdk25 execution).
     */
    static Path javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java");
    }

    /** The feature version (17, 25, ...) of {@link #javaBinary()}. */
    static int javaFeatureVersion() {
        return Runtime.version().feature();
    }

    static Path jar() {
        return Path.of(System.getProperty("benchmarks.jar", "target/benchmarks.jar"));
    }

    /** A fresh, empty working directory for one run, under target/. */
    static Path newWorkDir(String name) throws IOException {
        Path root = Path.of(System.getProperty("benchmarks.runDir", "target/it-runs"));
        Files.createDirectories(root);
        return Files.createTempDirectory(root, name + "-");
    }

    /** JMH arguments written as one line, split at spaces (none of them may hold one). */
    static List<String> args(String line) {
        return List.of(line.trim().split(" +"));
    }

    static Run run(Path workDir, long timeoutSeconds, List<String> args) throws IOException, InterruptedException {
        return run(workDir, timeoutSeconds, List.of(), args);
    }

    /** Runs {@code java <jvmArgs> -jar benchmarks.jar <args>} in {@code workDir}, output merged. */
    static Run run(Path workDir, long timeoutSeconds, List<String> jvmArgs, List<String> args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(javaBinary().toString());
        // Tests check profiles, not scores: let them run beside another JMH run on this machine.
        command.add("-Djmh.ignoreLock=true");
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar().toAbsolutePath().toString());
        command.addAll(args);
        Path log = workDir.resolve("jmh-output.txt");
        Process process = new ProcessBuilder(command)
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        process.getOutputStream().close();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError("benchmarks.jar did not finish in " + timeoutSeconds + " s: " + command + "\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return new Run(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8), workDir);
    }
}
