package io.github.jmhpprof.groundtruth;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Ground truth for CPU profiles: each operation runs two computing methods and one that copies
 * an array ({@code System.arraycopy}, which runs in a JIT stub, outside any Java frame). Their
 * true shares are not guessed from timing: the benchmark thread measures its own CPU time around
 * each part (ThreadMXBean, nanosecond resolution on Linux), adds it up over the measurement
 * iterations only, the window the profile covers, and prints the sums at the end of the trial
 * as one line that starts with {@value #TRUTH_LINE}.
 *
 * <p>Summed over that window, not taken from one iteration: the copy is bound by memory
 * bandwidth, and on a shared machine its share moved between 19 % and 31 % from run to run.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// Short, as the sample benchmarks: `java -jar benchmarks.jar` runs these too (GroundTruthIT sets its own).
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class CpuSplitBenchmark {

    public static final String TRUTH_LINE = "cpu-split truth, thread CPU ns over the measurement iterations:";
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final int[] numbers = new int[64 * 1024];
    private final byte[] source = new byte[8 * 1024 * 1024];
    private final byte[] target = new byte[8 * 1024 * 1024];
    private long computeNanos;
    private long hashNanos;
    private long copyNanos;
    private boolean measuring;
    private long measuredCompute;
    private long measuredHash;
    private long measuredCopy;

    @Setup(Level.Trial)
    public void fill() {
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = i * 31 + 7;
        }
        java.util.Arrays.fill(source, (byte) 3);
    }

    @Setup(Level.Iteration)
    public void startIteration(IterationParams iteration) {
        measuring = iteration.getType() == IterationType.MEASUREMENT;
        computeNanos = 0;
        hashNanos = 0;
        copyNanos = 0;
    }

    @Benchmark
    public long split() {
        long t0 = THREADS.getCurrentThreadCpuTime();
        long a = compute();
        long t1 = THREADS.getCurrentThreadCpuTime();
        long b = hash();
        long t2 = THREADS.getCurrentThreadCpuTime();
        copy();
        long t3 = THREADS.getCurrentThreadCpuTime();
        computeNanos += t1 - t0;
        hashNanos += t2 - t1;
        copyNanos += t3 - t2;
        return a + b + target[target.length - 1];
    }

    /** Each element's chain of dependent multiplications: about two thirds of the computing. */
    private long compute() {
        long sum = 0;
        for (int round = 0; round < 8; round++) {
            for (int n : numbers) {
                sum = sum * 6364136223846793005L + n;
            }
        }
        return sum;
    }

    /** The same kind of work, half as much. */
    private long hash() {
        long h = 0;
        for (int round = 0; round < 4; round++) {
            for (int n : numbers) {
                h = h * 31 + n;
            }
        }
        return h;
    }

    private void copy() {
        System.arraycopy(source, 0, target, 0, source.length);
    }

    @TearDown(Level.Iteration)
    public void endIteration() {
        if (measuring) {
            measuredCompute += computeNanos;
            measuredHash += hashNanos;
            measuredCopy += copyNanos;
        }
    }

    @TearDown(Level.Trial)
    public void printTruth() {
        System.out.println(
                TRUTH_LINE + " compute=" + measuredCompute + " hash=" + measuredHash + " copy=" + measuredCopy);
    }
}
