package io.github.jmhpprof.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** A little CPU and a little allocation per operation: enough for both profiles to have samples. */
@State(Scope.Thread)
public class WorkBenchmark {

    @Benchmark
    public byte[] work() {
        byte[] buffer = new byte[4096];
        for (int i = 0; i < buffer.length; i++) {
            buffer[i] = (byte) (i * 31 + buffer[Math.max(0, i - 1)]);
        }
        return buffer;
    }
}
