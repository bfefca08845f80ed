package io.github.jmhpprof;

import io.github.jmhpprof.compare.CompareCommand;

/**
 * Compares {@code -prof pprof} runs, as benchstat compares Go benchmark runs:
 * {@code java -cp benchmarks.jar io.github.jmhpprof.Compare [options] OLD NEW…}. Exit status 0,
 * 1 when a gate option fails, 2 for bad arguments or folders. {@code --help} lists the options;
 * docs/compare-runs.md walks through it.
 */
public final class Compare {

    private Compare() {}

    public static void main(String[] args) {
        System.exit(CompareCommand.run(args, System.out, System.err));
    }
}
