package io.github.jmhpprof.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs test benchmarks in real JMH forks with the profiler, with short settings. */
final class JmhRuns {

    private JmhRuns() {}

    static Path newOutputDir(String name) throws IOException {
        Path root = Path.of("target", "jmh-runs");
        Files.createDirectories(root);
        return Files.createTempDirectory(root, name + "-").toAbsolutePath();
    }

    /** Short settings: one fork, one warmup and two measurement iterations of 300 ms. */
    static {
        // Tests check profiles, not scores: let them run beside another JMH run on this machine.
        System.setProperty("jmh.ignoreLock", "true");
    }

    static ChainedOptionsBuilder shortRun(String include, Path dir, String profilerOptions) {
        String options = "dir=" + dir + (profilerOptions.isEmpty() ? "" : ";" + profilerOptions);
        return new OptionsBuilder()
                .include(include)
                .forks(1)
                .warmupIterations(1)
                .warmupTime(TimeValue.milliseconds(300))
                .measurementIterations(2)
                .measurementTime(TimeValue.milliseconds(300))
                .addProfiler(PprofProfiler.class, options);
    }

    /** The one benchmark folder under {@code dir} whose name contains {@code benchmark}. */
    static Path benchmarkFolder(Path dir, String benchmark) throws IOException {
        try (var folders = Files.list(dir)) {
            List<Path> matches = folders.filter(Files::isDirectory)
                    .filter(f -> f.getFileName().toString().contains(benchmark))
                    .toList();
            if (matches.size() != 1) {
                throw new AssertionError("want one folder for " + benchmark + " in " + dir + ", got " + matches);
            }
            return matches.get(0);
        }
    }

    static Collection<RunResult> run(ChainedOptionsBuilder options) throws RunnerException {
        return new Runner(options.build()).run();
    }
}
