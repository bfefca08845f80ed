package io.github.jmhpprof.jmh;

import io.github.jmhpprof.files.FileNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A rerun never destroys what it cannot replace. When a benchmark's first measured fork starts,
 * the files an earlier run wrote for it move into {@code <benchmark>/.previous-run/}; they are
 * deleted once this run has written new profiles, and put back when it writes none (the benchmark
 * failed, the run was stopped with Ctrl-C). A run killed outright ({@code kill -9}) cannot put them
 * back itself: the next run into the same {@code dir} does, before anything else.
 * <p>
 * Only the profiler's own files move or go ({@link OutputLayout#isOwnFile}); anything else stays
 * where it is, and symbolic links are never followed, so nothing outside {@code dir} is touched.
 * The half-written temporary files a crash leaves are deleted: they never were results.
 */
final class PreviousRun {

    private PreviousRun() {}

    /** Moves the earlier run's files of this benchmark aside (restoring a killed run's first). */
    static void setAside(Path benchmarkDir) throws IOException {
        if (!isRealDir(benchmarkDir)) {
            return;
        }
        restore(benchmarkDir);
        moveOwn(benchmarkDir, benchmarkDir.resolve(FileNames.PREVIOUS_RUN));
    }

    /** This run wrote new profiles: the earlier run's files go. */
    static void discard(Path benchmarkDir) throws IOException {
        Path aside = benchmarkDir.resolve(FileNames.PREVIOUS_RUN);
        if (isRealDir(aside)) {
            removeOwn(aside);
            OutputLayout.deleteIfEmpty(aside);
        }
    }

    /**
     * This run wrote no profiles for the benchmark: its own leftovers go and the earlier run's files
     * come back. Returns whether there was anything to put back.
     */
    static boolean restore(Path benchmarkDir) throws IOException {
        Path aside = benchmarkDir.resolve(FileNames.PREVIOUS_RUN);
        if (!isRealDir(benchmarkDir) || !isRealDir(aside)) {
            return false;
        }
        removeOwn(benchmarkDir);
        moveOwn(aside, benchmarkDir);
        OutputLayout.deleteIfEmpty(aside);
        return true;
    }

    /**
     * Puts back what runs killed mid-way set aside, in every benchmark folder of {@code root}.
     * Called by the run that holds the root's {@link RunLock}, so no other run is under way there.
     * Returns the folders restored.
     */
    static List<Path> restoreAll(Path root) throws IOException {
        List<Path> restored = new ArrayList<>();
        if (!isRealDir(root)) {
            return restored;
        }
        try (Stream<Path> entries = Files.list(root)) {
            for (Path dir : entries.toList()) {
                if (isRealDir(dir) && restore(dir)) {
                    restored.add(dir);
                }
            }
        }
        return restored;
    }

    /** Moves the own files of {@code from} and of its fork folders to the same places under {@code to}. */
    private static void moveOwn(Path from, Path to) throws IOException {
        try (Stream<Path> entries = Files.list(from)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (OutputLayout.isLeftoverTemp(name) && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(entry);
                } else if (OutputLayout.isOwnRegularFile(entry)) {
                    Files.createDirectories(to);
                    Files.move(entry, to.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                } else if (OutputLayout.isForkDir(entry)) {
                    moveOwn(entry, to.resolve(name));
                    OutputLayout.deleteIfEmpty(entry);
                }
            }
        }
    }

    /** Deletes the own files of {@code dir} and of its fork folders, and the fork folders left empty. */
    private static void removeOwn(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.toList()) {
                if (OutputLayout.isOwnRegularFile(entry)) {
                    Files.deleteIfExists(entry);
                } else if (OutputLayout.isForkDir(entry)) {
                    OutputLayout.removeForkDir(entry);
                }
            }
        }
    }

    private static boolean isRealDir(Path dir) {
        return Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS);
    }
}
