package io.github.jmhpprof.jmh;

import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Benchmarks that go wrong in the ways a profiler must survive. */
public class FailingBenchmarks {

    /** Counts iterations, warmup included, so a benchmark can fail at a chosen one. */
    @State(Scope.Benchmark)
    public static class Iterations {
        int started;

        @Setup(Level.Iteration)
        public void next() {
            started++;
        }
    }

    /** Throws in the second measurement iteration (after one warmup and one good measurement). */
    @Benchmark
    public byte[] throwsMidway(Iterations it) {
        if (it.started >= 3) {
            throw new IllegalStateException("deliberate failure in measurement iteration 2");
        }
        return WorkLoad.work();
    }

    /** Ends its JVM in the first measurement iteration. */
    @Benchmark
    public byte[] exitsJvm(Iterations it) {
        if (it.started >= 2) {
            System.exit(3);
        }
        return WorkLoad.work();
    }

    /** Runs out of heap in the first measurement iteration; the list is garbage once it throws. */
    @Benchmark
    public int runsOutOfMemory(Iterations it) {
        if (it.started >= 2) {
            List<long[]> hog = new ArrayList<>();
            while (true) {
                hog.add(new long[1 << 20]);
            }
        }
        return WorkLoad.work().length;
    }

    static final class WorkLoad {
        static byte[] work() {
            byte[] b = new byte[1024];
            for (int i = 1; i < b.length; i++) {
                b[i] = (byte) (b[i - 1] * 31 + i);
            }
            return b;
        }
    }
}
