package io.github.jmhpprof.selfbench;

/** Benchmark keys: the benchmark without its package, and its parameters as pprof's comment prints them. */
final class Keys {

    private Keys() {}

    static String of(String benchmark, String params) {
        String shortName = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
        return params == null || params.isEmpty() || params.equals("(none)")
                ? shortName
                : shortName + " (" + params + ")";
    }
}
