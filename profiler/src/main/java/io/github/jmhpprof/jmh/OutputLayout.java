package io.github.jmhpprof.jmh;

import io.github.jmhpprof.files.AtomicFiles;
import io.github.jmhpprof.files.FileNames;
import io.github.jmhpprof.model.ProfileKind;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Where files go: {@code <dir>/<benchmark-folder>/<kind>.pb.gz} for the profile of all forks,
 * and {@code <dir>/<benchmark-folder>/fork-<n>/} for each fork's own files when there are several;
 * the names are {@link FileNames}'. Made by {@link ProfilerOptions#layout()} only.
 */
record OutputLayout(Path root) {

    OutputLayout {
        root = root.toAbsolutePath().normalize();
    }

    Path benchmarkDir(String benchmarkId) {
        return root.resolve(BenchmarkFolderName.of(benchmarkId));
    }

    Path forkDir(String benchmarkId, int fork) {
        return benchmarkDir(benchmarkId).resolve(FileNames.forkDir(fork));
    }

    static Path profile(Path folder, ProfileKind kind) {
        return folder.resolve(FileNames.profile(kind.fileStem()));
    }

    static Path perOperationProfile(Path folder, ProfileKind kind) {
        return folder.resolve(FileNames.perOperationProfile(kind.fileStem()));
    }

    /** Profiles of all benchmarks of the run together, told apart by their labels. */
    Path allDir() {
        return root.resolve(FileNames.ALL_BENCHMARKS);
    }

    Path comparisonMarkdown() {
        return root.resolve(FileNames.COMPARISON_MARKDOWN);
    }

    Path comparisonCsv() {
        return root.resolve(FileNames.COMPARISON_CSV);
    }

    /** The fork folders of a benchmark that hold a complete fork report, in fork order. */
    List<Path> completedForks(String benchmarkId, int upTo) {
        List<Path> forks = new ArrayList<>();
        for (int fork = 1; fork <= upTo; fork++) {
            Path dir = forkDir(benchmarkId, fork);
            if (Files.isRegularFile(dir.resolve(FileNames.FORK_REPORT))) {
                forks.add(dir);
            }
        }
        return forks;
    }

    /**
     * Whether a file name is one this profiler writes in a benchmark or fork folder: a profile of a
     * known kind, a fork report, iteration scores or scores file, or the hidden temporary file {@link AtomicFiles}
     * writes one of them through. Any other file (a user's {@code my-baseline.pb.gz}) is never touched.
     */
    static boolean isOwnFile(String name) {
        return isOwnResult(name) || isLeftoverTemp(name);
    }

    /** A hidden temporary file {@link AtomicFiles} writes one of our files through: what a write cut short by a crash leaves. */
    static boolean isLeftoverTemp(String name) {
        return AtomicFiles.targetOfTemp(name).filter(OutputLayout::isOwnResult).isPresent();
    }

    private static boolean isOwnResult(String name) {
        if (name.equals(FileNames.FORK_REPORT)
                || name.equals(FileNames.ITERATION_SCORES)
                || name.equals(FileNames.SCORES)) {
            return true;
        }
        for (ProfileKind kind : ProfileKind.values()) {
            if (name.equals(FileNames.profile(kind.fileStem()))
                    || name.equals(FileNames.perOperationProfile(kind.fileStem()))) {
                return true;
            }
        }
        return false;
    }

    /** A {@code fork-<n>} folder itself, not a symbolic link to one. */
    static boolean isForkDir(Path path) {
        return FileNames.isForkDir(path.getFileName().toString()) && Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
    }

    /** A regular file with one of our names, not a symbolic link to one. */
    static boolean isOwnRegularFile(Path path) {
        return isOwnFile(path.getFileName().toString()) && Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS);
    }

    /**
     * Removes a fork folder's own files, and the folder once empty: a file of the user's keeps it
     * (and is kept), never an error.
     */
    static void removeForkDir(Path forkDir) throws IOException {
        if (!isForkDir(forkDir)) {
            return;
        }
        try (Stream<Path> files = Files.list(forkDir)) {
            for (Path f : files.toList()) {
                if (isOwnRegularFile(f)) {
                    Files.deleteIfExists(f);
                }
            }
        }
        deleteIfEmpty(forkDir);
    }

    static void deleteIfEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            if (entries.findAny().isPresent()) {
                return;
            }
        }
        try {
            Files.deleteIfExists(dir);
        } catch (DirectoryNotEmptyException e) {
            // something appeared meanwhile: it stays, and so does the folder
        }
    }
}
