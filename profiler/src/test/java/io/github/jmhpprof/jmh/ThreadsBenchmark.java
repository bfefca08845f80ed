package io.github.jmhpprof.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/** Several worker threads (@Threads) and a thread group (@Group) whose members do different work. */
@State(Scope.Thread)
public class ThreadsBenchmark {

    @Benchmark
    @Threads(4)
    public byte[] fourThreads() {
        return fill(new byte[2048]);
    }

    @Benchmark
    @Group("pair")
    @GroupThreads(1)
    public byte[] small() {
        return fill(new byte[256]);
    }

    @Benchmark
    @Group("pair")
    @GroupThreads(1)
    public long[] large() {
        long[] a = new long[1024];
        for (int i = 1; i < a.length; i++) {
            a[i] = a[i - 1] * 31 + i;
        }
        return a;
    }

    private static byte[] fill(byte[] b) {
        for (int i = 1; i < b.length; i++) {
            b[i] = (byte) (b[i - 1] * 31 + i);
        }
        return b;
    }
}
