package io.github.jmhpprof.jmh;

import io.github.jmhpprof.model.ProfileKind;
import io.github.jmhpprof.recording.RecordingPlan;
import io.github.jmhpprof.recording.async.AllocationInterval;
import io.github.jmhpprof.recording.async.AsyncProfilerRecording;
import io.github.jmhpprof.threads.ThreadActivity;
import io.github.jmhpprof.threads.ThreadSelector;
import io.github.jmhpprof.threads.ThreadSnapshot;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Starts async-profiler's sampling once its allocation interval can follow the benchmark's own
 * allocation rate: after the first warmup iteration, whose bytes (exact, per thread) and length
 * give the rate. The first iterations run slower code, and other load comes and goes (one run here
 * allocated 3× faster in the measurement than in its first warmup iteration), so every later
 * iteration measures again, and sampling restarts with a new interval when the rate moved by more
 * than {@link #RESTART_FACTOR}: in the warmup in the same file (its samples are not used), in the
 * measurement in a new one, so that what was sampled at the old interval keeps its weights (on
 * JDK 25, {@code RetentionBenchmark.retain} took 10,522 samples where 5,000 were planned, and a
 * benchmark of Apache Commons Lang still compiling in its warmup 22,487 for 3,000). Restarts
 * happen between iterations, out of every measured score. Without warmup, or without an allocation
 * profile, sampling starts at the first iteration.
 */
final class AsyncSamplingStart {

    /** How far the measured rate may drift from the one the interval was chosen for. */
    static final double RESTART_FACTOR = 1.5;

    private final AsyncProfilerRecording recording;
    private final BenchmarkParams benchmark;
    private final ThreadSelector selector;
    private final RecordingPlan plan;
    private ThreadSnapshot warmupBefore;
    private long warmupStartNanos;
    private AllocationInterval interval;
    /** The interval the measurement began with, and how it was chosen; null before the measurement. */
    private AllocationInterval measurementStart;
    /** Where the measurement's sampling went on at another interval, for the profile's comment; empty when it did not. */
    private String restarts = "";
    /** The samples planned for the measurement iterations so far, each at the interval it ran at; NaN without a measured rate. */
    private double plannedSamples;

    /** @param plan what the recording samples: whether an allocation profile, and at most how many samples a second */
    AsyncSamplingStart(
            AsyncProfilerRecording recording, BenchmarkParams benchmark, ThreadSelector selector, RecordingPlan plan) {
        this.recording = recording;
        this.benchmark = benchmark;
        this.selector = selector;
        this.plan = plan;
    }

    /** @throws IllegalStateException when async-profiler refuses to start */
    void beforeIteration(IterationParams iteration) {
        if (plan.has(ProfileKind.ALLOC) && iteration.getType() == IterationType.WARMUP) {
            warmupBefore = ThreadSnapshot.take(selector);
            warmupStartNanos = System.nanoTime();
            return;
        }
        if (interval == null) {
            start(AllocationInterval.unmeasured());
        }
        if (measurementStart == null) {
            measurementStart = interval;
        }
    }

    /** @throws IllegalStateException when async-profiler refuses to start */
    void afterWarmupIteration() {
        if (warmupBefore == null) {
            return;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - warmupStartNanos);
        long bytes = new ThreadActivity().addIteration(warmupBefore, ThreadSnapshot.take(selector));
        warmupBefore = null;
        AllocationInterval measured = AllocationInterval.fromWarmup(
                bytes,
                took,
                measurementSeconds(took, benchmark.getWarmup().getBatchSize()),
                plan.allocSamplesPerSecond());
        if (interval == null || interval.driftedBeyond(measured, RESTART_FACTOR)) {
            start(measured);
        }
    }

    /**
     * Counts the samples planned for a measurement iteration that just ended, at the interval it
     * ran at. Arithmetic only: it runs inside other profilers' windows.
     *
     * @param bytes the benchmark threads' exact bytes in the iteration
     */
    void measurementIterationEnded(long bytes) {
        if (interval != null) {
            plannedSamples +=
                    interval.plannedFor(bytes, benchmark.getMeasurement().getCount());
        }
    }

    /**
     * After measurement iteration {@code done} (not the last): goes on sampling in a new file at
     * an interval for the rate this iteration allocated at, when that moved by more than
     * {@link #RESTART_FACTOR}.
     *
     * @param bytes the benchmark threads' exact bytes in the iteration
     * @param took  the iteration's length
     * @throws IllegalStateException when async-profiler refuses to go on
     */
    void afterMeasurementIteration(long bytes, Duration took, int done) {
        if (!plan.has(ProfileKind.ALLOC) || interval == null) {
            return;
        }
        AllocationInterval measured = AllocationInterval.fromIteration(
                bytes,
                took,
                measurementSeconds(took, benchmark.getMeasurement().getBatchSize()),
                plan.allocSamplesPerSecond(),
                "measurement iteration " + done);
        if (interval.driftedBeyond(measured, RESTART_FACTOR)) {
            recording.continueSampling(measured.bytes());
            interval = measured;
            restarts += "; from measurement iteration " + (done + 1) + " every " + measured.bytes() + " bytes, "
                    + measured.basis();
        }
    }

    /** The interval the measurement began with; null before sampling started. */
    AllocationInterval interval() {
        return measurementStart != null ? measurementStart : interval;
    }

    /** How the measurement's intervals were chosen: the first one's basis, then each restart's. */
    String basis() {
        AllocationInterval first = interval();
        return first == null ? "" : first.basis() + restarts;
    }

    /** The samples the measurement's intervals were chosen for; 0 where one of them was not chosen from a measured rate. */
    long plannedSamples() {
        return Double.isNaN(plannedSamples) ? 0 : Math.round(plannedSamples);
    }

    private void start(AllocationInterval chosen) {
        interval = chosen;
        recording.startSampling(chosen.bytes());
    }

    /**
     * The measurement's expected length: its iterations' time, or in single-shot mode (where an
     * iteration lasts as long as its batch takes) the iteration's length per batch.
     *
     * @param batchSize the batch size of the iteration that took {@code iteration}
     */
    private double measurementSeconds(Duration iteration, int batchSize) {
        IterationParams measurement = benchmark.getMeasurement();
        if (benchmark.getMode() == Mode.SingleShotTime) {
            double perBatch = iteration.toNanos() / 1e9 / Math.max(1, batchSize);
            return measurement.getCount() * measurement.getBatchSize() * perBatch;
        }
        return measurement.getCount() * measurement.getTime().convertTo(TimeUnit.NANOSECONDS) / 1e9;
    }
}
