package io.github.jmhpprof.files;

import java.util.regex.Pattern;

/**
 * The name of every file and folder a {@code -prof pprof} run writes below its {@code dir=}, in one
 * place: the profiler writes them, {@code Compare} reads them, and a rerun sets aside or removes
 * these and nothing else. A profile's name is made from its kind's file stem ({@code cpu},
 * {@code alloc}, ...). The folders themselves are laid out by {@code jmh.OutputLayout}.
 */
public final class FileNames {

    /** In the output root: the profiles of all benchmarks of the run together. */
    public static final String ALL_BENCHMARKS = "all";
    /** In the output root: the run's comparison report. */
    public static final String COMPARISON_MARKDOWN = "comparison.md";

    public static final String COMPARISON_CSV = "comparison.csv";
    /** In the output root: locked by the run that writes to it. */
    public static final String RUN_LOCK = ".jmh-pprof.lock";
    /** In a benchmark folder: the scores a comparison of two runs reads. */
    public static final String SCORES = "scores.properties";
    /** In a benchmark folder: an earlier run's files, while this run replaces them. */
    public static final String PREVIOUS_RUN = ".previous-run";
    /** In a fork folder: the fork's counters and notes. */
    public static final String FORK_REPORT = "fork.properties";
    /** In a fork folder: JMH's score of each of the fork's measurement iterations. */
    public static final String ITERATION_SCORES = "iterations.properties";

    private static final String FORK_DIR_PREFIX = "fork-";
    private static final Pattern FORK_DIR = Pattern.compile(FORK_DIR_PREFIX + "\\d+");

    private FileNames() {}

    /** {@code cpu.pb.gz} for the stem {@code cpu}. */
    public static String profile(String kindStem) {
        return kindStem + ".pb.gz";
    }

    /** {@code cpu-per-op.pb.gz} for the stem {@code cpu}: the profile divided by the operations. */
    public static String perOperationProfile(String kindStem) {
        return kindStem + "-per-op.pb.gz";
    }

    /** {@code fork-2}: the second measured fork's own files, when a benchmark has several. */
    public static String forkDir(int fork) {
        return FORK_DIR_PREFIX + fork;
    }

    public static boolean isForkDir(String name) {
        return FORK_DIR.matcher(name).matches();
    }
}
