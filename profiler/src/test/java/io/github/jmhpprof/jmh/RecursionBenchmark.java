package io.github.jmhpprof.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** A deep stack on purpose: checks that JFR's stack depth reaches the fork and that cut stacks are marked. */
@State(Scope.Benchmark)
public class RecursionBenchmark {

    @Param("200")
    public int depth;

    @Benchmark
    public long recurse() {
        return descend(depth);
    }

    private static long descend(int n) {
        if (n == 0) {
            return spin();
        }
        return descend(n - 1) + 1;
    }

    private static long spin() {
        long x = 0;
        for (int i = 0; i < 20_000; i++) {
            x = x * 31 + i;
        }
        return x;
    }
}
