package io.github.jmhpprof.selfbench;

import io.github.jmhpprof.testing.RawProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** Runs JMH once in a folder of its own and reads back what it wrote. */
final class Runner {

    private final Settings settings;
    private final Path work;

    Runner(Settings settings, Path work) {
        this.settings = settings;
        this.work = work;
    }

    Run run(Config config, int round, int index, int total, long started) throws IOException, InterruptedException {
        Path dir = work.resolve(String.format(Locale.ROOT, "%s-%02d", config.folderName(), round))
                .toAbsolutePath();
        deleteTree(dir);
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>(List.of(
                config.jdk().java().toString(),
                "-Djmh.ignoreLock=true",
                "-Duser.language=en",
                "-Duser.country=US",
                "-jar",
                settings.jar().toString(),
                settings.benchmarks(),
                "-f",
                "1"));
        command.addAll(settings.jmhArgs());
        command.addAll(List.of("-rf", "csv", "-rff", dir.resolve("result.csv").toString()));
        for (String profiler : config.profilers()) {
            command.addAll(List.of("-prof", profiler));
        }
        Files.writeString(dir.resolve("command.txt"), String.join(" ", command) + "\n");
        System.out.printf(
                Locale.ROOT,
                "[%d/%d, %s elapsed] round %d: %s ... ",
                index,
                total,
                Fmt.duration(Duration.ofNanos(System.nanoTime() - started)),
                round,
                config.name());
        System.out.flush();
        String load = Machine.loadAverage();
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .start();
        int exit = process.waitFor();
        long wallMillis = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf(Locale.ROOT, "%.1f s%n", wallMillis / 1000.0);
        if (exit != 0) {
            throw new IllegalStateException("JMH exited with " + exit + "; see " + dir.resolve("out.txt"));
        }
        Map<String, BenchResult> results = ResultsCsv.read(dir.resolve("result.csv"));
        IterationScores.parse(Files.readString(dir.resolve("out.txt"))).forEach((key, scores) -> {
            BenchResult r = results.get(key);
            if (r != null) {
                r.iterations.addAll(scores);
            }
        });
        if (config.pprofOptions().isPresent()) {
            attachProfiles(dir, results);
        }
        return new Run(config, round, dir, wallMillis, load, results);
    }

    /** Reads the pprof summary of each benchmark from JMH's output and its profiles with go tool pprof. */
    private void attachProfiles(Path dir, Map<String, BenchResult> results) throws IOException {
        Map<String, PprofSummary> summaries = PprofSummary.parse(Files.readString(dir.resolve("out.txt")));
        for (PprofSummary summary : summaries.values()) {
            Path folder = dir.resolve("pprof").resolve(summary.folder());
            RawProfile cpu = readIfPresent(folder.resolve("cpu.pb.gz"));
            RawProfile alloc = readIfPresent(folder.resolve("alloc.pb.gz"));
            RawProfile any = cpu != null ? cpu : alloc;
            if (any == null) {
                continue;
            }
            String key = Keys.of(any.comment("benchmark"), any.comment("params"));
            BenchResult result = results.get(key);
            if (result != null) {
                result.attach(summary, folderBytes(folder), cpu, alloc);
            }
        }
    }

    private static RawProfile readIfPresent(Path file) {
        return Files.isRegularFile(file) ? RawProfile.of(file) : null;
    }

    private static long folderBytes(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(f -> {
                        try {
                            return Files.size(f);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    })
                    .sum();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
