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
 * warmup iteration measures again, and sampling restarts with a new interval when the rate moved
 * by more than {@link #RESTART_FACTOR}. Starting and restarting between iterations keeps that work
 * out of every measured score; the samples of the warmup are not used. Without warmup, or without
 * an allocation profile, sampling starts at the first iteration.
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
    }

    /** @throws IllegalStateException when async-profiler refuses to start */
    void afterWarmupIteration() {
        if (warmupBefore == null) {
            return;
        }
        Duration took = Duration.ofNanos(System.nanoTime() - warmupStartNanos);
        long bytes = new ThreadActivity().addIteration(warmupBefore, ThreadSnapshot.take(selector));
        warmupBefore = null;
        AllocationInterval measured =
                AllocationInterval.fromWarmup(bytes, took, measurementSeconds(took), plan.allocSamplesPerSecond());
        double drift = interval == null ? Double.NaN : (double) measured.bytes() / interval.bytes();
        if (interval == null || drift > RESTART_FACTOR || drift < 1 / RESTART_FACTOR) {
            start(measured);
        }
    }

    /** How the allocation interval was chosen; null before sampling started. */
    AllocationInterval interval() {
        return interval;
    }

    private void start(AllocationInterval chosen) {
        interval = chosen;
        recording.startSampling(chosen.bytes());
    }

    /**
     * The measurement's expected length: its iterations' time, or in single-shot mode (where an
     * iteration lasts as long as its batch takes) the warmup iteration's length per batch.
     */
    private double measurementSeconds(Duration warmupIteration) {
        IterationParams measurement = benchmark.getMeasurement();
        if (benchmark.getMode() == Mode.SingleShotTime) {
            double perBatch = warmupIteration.toNanos()
                    / 1e9
                    / Math.max(1, benchmark.getWarmup().getBatchSize());
            return measurement.getCount() * measurement.getBatchSize() * perBatch;
        }
        return measurement.getCount() * measurement.getTime().convertTo(TimeUnit.NANOSECONDS) / 1e9;
    }
}
