package io.github.jmhpprof.compare;

import io.github.jmhpprof.files.FileNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One side of a comparison: the output folder ({@code dir=}) of a {@code -prof pprof} run, or
 * several folders of the same code taken as one run (shards of a CI matrix), whose forks are pooled.
 *
 * @param name       how the user named it on the command line
 * @param benchmarks by {@link BenchmarkScores#key()}, in the order found
 * @param folders    the benchmark folder holding each benchmark's profiles (the first folder's, when merged)
 */
public record Run(String name, Map<String, BenchmarkScores> benchmarks, Map<String, Path> folders) {

    /** Reads every {@code <dir>/<benchmark>/scores.properties} of the given run folders. */
    public static Run read(String name, List<Path> dirs) throws IOException {
        Map<String, BenchmarkScores> benchmarks = new LinkedHashMap<>();
        Map<String, Path> folders = new LinkedHashMap<>();
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                throw new IOException(
                        dir + " is not a folder: give the dir= folder of a -prof pprof run (default ./pprof)");
            }
            List<Path> files = scoreFiles(dir);
            if (files.isEmpty()) {
                throw new IOException(
                        "no benchmark in " + dir + " has a " + FileNames.SCORES + ": give the dir= folder "
                                + "of a -prof pprof run (default ./pprof), made with a jmh-pprof that writes scores (this one)");
            }
            for (Path file : files) {
                BenchmarkScores scores = BenchmarkScores.read(file);
                BenchmarkScores before = benchmarks.get(scores.key());
                benchmarks.put(scores.key(), before == null ? scores : before.withForksOf(scores));
                folders.putIfAbsent(scores.key(), file.getParent());
            }
        }
        return new Run(name, benchmarks, folders);
    }

    private static List<Path> scoreFiles(Path dir) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> folders = Files.list(dir)) {
            for (Path folder : folders.sorted().toList()) {
                Path file = folder.resolve(FileNames.SCORES);
                if (Files.isRegularFile(file)) {
                    files.add(file);
                }
            }
        }
        return files;
    }
}
