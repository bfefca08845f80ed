package io.github.jmhpprof.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Iterations that differ on purpose: odd ones allocate 64 KiB per operation (and run few
 * operations), even ones 64 bytes (and run many). The mean of the iterations' B/op, which JMH
 * reports, is then far from total bytes ÷ total operations.
 */
@State(Scope.Thread)
public class UnevenIterationsBenchmark {

    private int iteration;
    private int size;

    @Setup(Level.Iteration)
    public void nextIteration() {
        iteration++;
        size = iteration % 2 == 1 ? 64 * 1024 : 48;
    }

    @Benchmark
    public byte[] allocate() {
        byte[] bytes = new byte[size];
        bytes[size - 1] = 1;
        return bytes;
    }
}
