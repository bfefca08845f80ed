package io.github.jmhpprof.groundtruth;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Ground truth for an allocation rate that moves in the measurement, as when a benchmark is still
 * being compiled after its warmup: each operation spins a fixed amount of CPU and allocates a
 * {@code byte[1024]} ({@code small}) and two more arrays, at sites {@code firstLarge} and
 * {@code laterLarge}. In the warmup both are empty; in the first measurement iteration the first
 * is a {@code byte[4096]}, in the later ones the second. So the measurement allocates about 4.8×
 * as many bytes per operation as the warmup, and the allocation interval chosen in the warmup is
 * too short for it. Every phase runs the same code, only the lengths change: a branch first
 * taken in the measurement would make the JIT recompile there. The benchmark counts its operations
 * in each part of the measurement and prints each site's bytes at the end of the trial, as one
 * line that starts with {@value #TRUTH_LINE}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// Short, as the sample benchmarks: `java -jar benchmarks.jar` runs these too (the tests set their own).
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class RateChangeBenchmark {

    public static final String TRUTH_LINE = "rate-change truth, bytes over the measurement iterations:";
    static final int SMALL_LENGTH = 1024;
    static final int LARGE_LENGTH = 4096;
    /** A byte array's header on a 64-bit HotSpot JVM without compact object headers. */
    private static final int ARRAY_HEADER = 16;
    /** About 2 µs of CPU here: the time per operation barely changes when the large array joins. */
    private static final long SPIN_TOKENS = 500;

    private int measurementIteration;
    private int firstLength;
    private int laterLength;
    /** Operations in the iteration under way, and in the measurement's first and later iterations. */
    private long ops;

    private long firstIterationOps;
    private long laterOps;
    // Fields keep every array reachable past its allocation, so escape analysis removes none.
    private byte[] small;
    private byte[] first;
    private byte[] later;

    @Setup(Level.Iteration)
    public void startIteration(IterationParams iteration) {
        measurementIteration = iteration.getType() == IterationType.MEASUREMENT ? measurementIteration + 1 : 0;
        firstLength = measurementIteration == 1 ? LARGE_LENGTH : 0;
        laterLength = measurementIteration > 1 ? LARGE_LENGTH : 0;
        ops = 0;
    }

    @Benchmark
    public void allocate() {
        Blackhole.consumeCPU(SPIN_TOKENS);
        small();
        firstLarge();
        laterLarge();
        ops++;
    }

    private void small() {
        small = new byte[SMALL_LENGTH];
    }

    private void firstLarge() {
        first = new byte[firstLength];
    }

    private void laterLarge() {
        later = new byte[laterLength];
    }

    @TearDown(Level.Iteration)
    public void endIteration() {
        if (measurementIteration == 1) {
            firstIterationOps += ops;
        } else if (measurementIteration > 1) {
            laterOps += ops;
        }
    }

    @TearDown(Level.Trial)
    public void printTruth() {
        long measured = firstIterationOps + laterOps;
        long empty = ARRAY_HEADER;
        long large = ARRAY_HEADER + LARGE_LENGTH;
        System.out.println(TRUTH_LINE + " small=" + measured * (ARRAY_HEADER + SMALL_LENGTH)
                + " firstLarge=" + (firstIterationOps * large + laterOps * empty)
                + " laterLarge=" + (firstIterationOps * empty + laterOps * large));
    }
}
