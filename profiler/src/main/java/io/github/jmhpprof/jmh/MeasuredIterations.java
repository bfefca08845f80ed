package io.github.jmhpprof.jmh;

import io.github.jmhpprof.recording.MeasurementWindows;
import io.github.jmhpprof.threads.ProcessCpu;
import io.github.jmhpprof.threads.ThreadActivity;
import io.github.jmhpprof.threads.ThreadSelector;
import io.github.jmhpprof.threads.ThreadSnapshot;
import java.time.Instant;
import org.openjdk.jmh.results.IterationResult;

/**
 * What the measurement iterations of one fork did, taken exactly at their edges: their wall-clock
 * windows (which samples count), the benchmark threads' bytes and CPU time, the process's CPU
 * time, operations and JMH's scores. A warmup iteration runs the same edges on a throwaway
 * instance, so the first measured edge loads no class (a class load allocates tens of KiB, inside
 * another profiler's window, e.g. {@code -prof gc}'s).
 */
final class MeasuredIterations {

    private final ThreadSelector selector;
    private final MeasurementWindows windows = new MeasurementWindows();
    private final ThreadActivity activity = new ThreadActivity();
    private final IterationScores iterationScores = new IterationScores();
    private ThreadSnapshot before;
    private long startNanos;
    private long lastBytes;
    private long lastNanos;
    private long processCpuBefore;
    private long processCpuNanos;
    private int count;
    private long operations;
    private int failedIteration;
    private ForkReport.Score score = new ForkReport.Score(0, 0, "");
    /** The exact B/op of each iteration, summed: the same figure as pprof.alloc.norm once averaged. */
    private ForkReport.Score bytesPerOp = new ForkReport.Score(0, 0, "B/op");

    MeasuredIterations(ThreadSelector selector) {
        this.selector = selector;
    }

    void begin() {
        before = ThreadSnapshot.take(selector);
        processCpuBefore = ProcessCpu.nanos();
        startNanos = System.nanoTime();
        windows.open(Instant.now());
    }

    /**
     * Ends the iteration {@link #begin()} began.
     *
     * @return the iteration's exact bytes per operation; NaN when it had no operations
     */
    double end(IterationResult result) {
        Instant end = Instant.now();
        lastNanos = System.nanoTime() - startNanos;
        processCpuNanos += ProcessCpu.nanos() - processCpuBefore;
        ThreadSnapshot after = ThreadSnapshot.take(selector);
        windows.close(end);
        long bytes = activity.addIteration(before, after);
        lastBytes = bytes;
        long ops = result.getMetadata().getAllOps();
        operations += ops;
        count++;
        // JMH calls afterIteration even when the benchmark threw; it then has no primary result.
        if (result.getRawPrimaryResults().isEmpty()) {
            failedIteration = count;
        } else {
            score = score.add(
                    result.getPrimaryResult().getScore(),
                    result.getPrimaryResult().getScoreUnit());
            iterationScores.add(
                    result.getPrimaryResult().getScore(),
                    result.getPrimaryResult().getScoreUnit());
        }
        double iterationBytesPerOp = ops == 0 ? Double.NaN : (double) bytes / ops;
        if (ops != 0) {
            bytesPerOp = bytesPerOp.add(iterationBytesPerOp, "B/op");
        }
        return iterationBytesPerOp;
    }

    /** The benchmark threads' bytes in the last iteration that ended. */
    long lastBytes() {
        return lastBytes;
    }

    /** The length of the last iteration that ended, in nanoseconds. */
    long lastNanos() {
        return lastNanos;
    }

    boolean hasFailed() {
        return failedIteration != 0;
    }

    /** The measurement iteration the benchmark failed in, or 0. */
    int failedIteration() {
        return failedIteration;
    }

    int count() {
        return count;
    }

    long operations() {
        return operations;
    }

    MeasurementWindows windows() {
        return windows;
    }

    ThreadActivity activity() {
        return activity;
    }

    IterationScores iterationScores() {
        return iterationScores;
    }

    long processCpuNanos() {
        return processCpuNanos;
    }

    ForkReport.Score score() {
        return score;
    }

    ForkReport.Score bytesPerOp() {
        return bytesPerOp;
    }

    /** The exact counters so far. */
    ForkReport.Work work() {
        return new ForkReport.Work(
                operations, activity.totalAllocatedBytes(), activity.totalCpuNanos(), processCpuNanos);
    }
}
