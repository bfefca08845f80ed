package io.github.jmhpprof.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where files go: {@code <dir>/<benchmark-folder>/<kind>.pb.gz} for the profile of all forks,
 * and {@code <dir>/<benchmark-folder>/fork-<n>/} for each fork's own files when there are several.
 */
record OutputLayout(Path root) {

    static final String FORK_REPORT = "fork.properties";

    OutputLayout {
        root = root.toAbsolutePath().normalize();
    }

    Path benchmarkDir(String benchmarkId) {
        return root.resolve(BenchmarkFolderName.of(benchmarkId));
    }

    Path forkDir(String benchmarkId, int fork) {
        return benchmarkDir(benchmarkId).resolve("fork-" + fork);
    }

    static Path profile(Path folder, EventKind kind) {
        return folder.resolve(kind.fileStem() + ".pb.gz");
    }

    static Path perOperationProfile(Path folder, EventKind kind) {
        return folder.resolve(kind.fileStem() + "-per-op.pb.gz");
    }

    /** Profiles of all benchmarks of the run together, told apart by their labels. */
    Path allDir() {
        return root.resolve("all");
    }

    /** The fork folders of a benchmark that hold a complete fork report, in fork order. */
    List<Path> completedForks(String benchmarkId, int upTo) {
        List<Path> forks = new ArrayList<>();
        for (int fork = 1; fork <= upTo; fork++) {
            Path dir = forkDir(benchmarkId, fork);
            if (Files.isRegularFile(dir.resolve(FORK_REPORT))) {
                forks.add(dir);
            }
        }
        return forks;
    }

    /**
     * Removes what an earlier run left for this benchmark (its profiles and fork folders), so
     * that this run's files are never mixed with stale ones. Only our own file names are touched.
     */
    void clearPreviousRun(String benchmarkId) throws IOException {
        Path dir = benchmarkDir(benchmarkId);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (name.matches("fork-\\d+") && Files.isDirectory(entry)) {
                    removeForkDir(entry);
                } else if (name.endsWith(".pb.gz") && Files.isRegularFile(entry)) {
                    Files.delete(entry);
                }
            }
        }
    }

    /** Removes a fork folder with the files we write there (profiles and the fork report). */
    static void removeForkDir(Path forkDir) throws IOException {
        try (Stream<Path> files = Files.list(forkDir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                if (name.endsWith(".pb.gz") || name.equals(FORK_REPORT)) {
                    Files.delete(f);
                }
            }
        }
        Files.deleteIfExists(forkDir);
    }
}
