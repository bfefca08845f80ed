package io.github.jmhpprof.jmh;

import io.github.jmhpprof.heap.HeapGrowth;
import io.github.jmhpprof.model.ProfileKind;
import io.github.jmhpprof.recording.MeasurementWindows;
import io.github.jmhpprof.recording.Recorder;
import io.github.jmhpprof.recording.RecordingPlan;
import io.github.jmhpprof.recording.SamplerText;
import io.github.jmhpprof.recording.Samples;
import io.github.jmhpprof.recording.async.AsyncProfilerLibrary;
import io.github.jmhpprof.recording.async.AsyncProfilerRecording;
import io.github.jmhpprof.recording.jfr.JfrRecording;
import io.github.jmhpprof.recording.jfr.OtherRecordings;
import io.github.jmhpprof.threads.ThreadSelector;
import io.github.jmhpprof.threads.ThreadSnapshot;
import java.io.IOException;
import java.time.Duration;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;

/**
 * The recording of one benchmark in its fork: picks the engine (async-profiler or JFR), starts it
 * at the first iteration (warmup included, so the start-up stays out of the measured score), falls
 * back to JFR where {@code engine=auto} and async-profiler refuses, and says how it sampled.
 */
final class ForkRecording {

    private final ProfilerOptions options;
    private final BenchmarkParams benchmark;
    private final ThreadSelector selector;
    private Recorder recorder;
    private RecordingPlan plan;
    /** When async-profiler starts sampling, and at which allocation interval; null for JFR. */
    private AsyncSamplingStart asyncStart;
    /** Why engine=auto fell back to JFR after async-profiler loaded, or empty. */
    private String fallback = "";

    private String failure;
    /** Stops watching other JFR recordings; null when not watching. */
    private AutoCloseable otherRecordings;
    /** The CPU sampling period that applied: ours, or a shorter one another JFR recording asked for. */
    private volatile Duration cpuPeriod;
    /** Live objects per class from before the first iteration (heap profile). */
    private HeapGrowth heapSinceStart;

    ForkRecording(ProfilerOptions options, BenchmarkParams benchmark, ThreadSelector selector) {
        this.options = options;
        this.benchmark = benchmark;
        this.selector = selector;
        this.cpuPeriod = options.interval();
    }

    boolean isStarted() {
        return recorder != null || failure != null;
    }

    /**
     * Starts recording.
     *
     * @throws IllegalStateException with the reason when neither engine can record here
     */
    void start() throws IOException {
        ThreadSnapshot.checkSupported();
        if (options.events().contains(ProfileKind.HEAP)) {
            heapSinceStart = HeapGrowth.startNow();
        }
        boolean async = switch (options.engine()) {
            case JFR -> false;
            case ASYNC -> true;
            case AUTO -> AsyncProfilerLibrary.unavailableReason().isEmpty();
        };
        if (!async) {
            startJfr();
            return;
        }
        plan = plan(RecordingPlan.CpuEvent.CPU_TIME_SAMPLE);
        AsyncProfilerRecording recording = AsyncProfilerRecording.start(plan, options.stackDepth());
        recorder = recording;
        asyncStart = new AsyncSamplingStart(recording, benchmark, selector, plan);
    }

    /** Records why nothing could be recorded; the fork then writes a report that says so. */
    void fail(String why) {
        failure = why;
    }

    /** Why there is no recording, or null. */
    String failure() {
        return failure;
    }

    private void startJfr() {
        boolean cpuTime = switch (options.cpuSampler()) {
            case EXECUTION -> false;
            case CPUTIME -> true;
            case AUTO -> JfrRecording.hasCpuTimeSampler();
        };
        if (cpuTime && !JfrRecording.hasCpuTimeSampler()) {
            throw new IllegalStateException("cpu=cputime needs jdk.CPUTimeSample (JDK 25+ on Linux), and this JVM is "
                    + System.getProperty("java.version") + "; use cpu=execution or cpu=auto");
        }
        plan = plan(cpuTime ? RecordingPlan.CpuEvent.CPU_TIME_SAMPLE : RecordingPlan.CpuEvent.EXECUTION_SAMPLE);
        JfrRecording jfr = JfrRecording.start(plan);
        recorder = jfr;
        // From the start of the recording: JFR gives every recording the shortest period any running
        // one asked for, so our CPU samples may weigh less than we asked.
        if (plan.has(ProfileKind.CPU)) {
            otherRecordings = OtherRecordings.watch(jfr, this::noteShorterPeriod);
        }
    }

    private RecordingPlan plan(RecordingPlan.CpuEvent cpuEvent) {
        return RecordingPlan.of(options.events())
                .withCpuEvent(cpuEvent)
                .withCpuInterval(options.interval())
                .withAllocSamplesPerSecond(options.allocSamplesPerSecond())
                .withBlockThreshold(options.blockThreshold())
                .withMutexThreshold(options.mutexThreshold());
    }

    private synchronized void noteShorterPeriod(Duration period) {
        if (period.compareTo(cpuPeriod) < 0) {
            cpuPeriod = period;
        }
    }

    void beforeIteration(IterationParams iteration) {
        if (asyncStart != null && failure == null) {
            startSampling(() -> asyncStart.beforeIteration(iteration));
        }
    }

    void afterWarmupIteration() {
        if (asyncStart != null && failure == null) {
            startSampling(asyncStart::afterWarmupIteration);
        }
    }

    /**
     * Counts a measurement iteration that just ended towards the planned allocation samples;
     * arithmetic only.
     *
     * @param bytes the benchmark threads' exact bytes in the iteration
     */
    void measurementIterationEnded(long bytes) {
        if (asyncStart != null && failure == null) {
            asyncStart.measurementIterationEnded(bytes);
        }
    }

    /**
     * After a measurement iteration but the last: lets async-profiler's allocation interval follow
     * a rate that moved. If it refuses to go on, the recording ends with the reason (JFR cannot
     * take over in the middle of the measurement).
     *
     * @param bytes the benchmark threads' exact bytes in the iteration
     * @param took  the iteration's length
     * @param done  how many measurement iterations have ended
     */
    void afterMeasurementIteration(long bytes, Duration took, int done) {
        if (asyncStart == null || failure != null) {
            return;
        }
        try {
            asyncStart.afterMeasurementIteration(bytes, took, done);
        } catch (IllegalStateException e) {
            failure = e.getMessage(); // the fork's report says so; the recording is closed with the fork's end
        }
    }

    /**
     * Runs one of {@link AsyncSamplingStart}'s steps. If async-profiler refuses to start (e.g.
     * JMH's {@code -prof async} runs one already), {@code engine=auto} falls back to JFR, still
     * in the warmup; {@code engine=async} ends the recording with the reason.
     */
    private void startSampling(Runnable step) {
        try {
            step.run();
        } catch (IllegalStateException e) {
            recorder.close();
            if (options.engine() != Engine.AUTO) {
                failure = e.getMessage();
                return;
            }
            asyncStart = null;
            fallback = "async-profiler did not start (" + e.getMessage() + "), so JFR recorded the CPU and "
                    + "allocation profiles";
            try {
                startJfr();
            } catch (IllegalStateException | SecurityException jfr) {
                failure = e.getMessage() + "; JFR did not start either: " + jfr.getMessage();
            }
        }
    }

    /** Stops recording and reads the samples of the benchmark threads inside the windows. */
    Samples stopAndRead(MeasurementWindows windows) throws IOException {
        Samples samples = Samples.forPlan(plan);
        recorder.stopAndRead(windows, selector, samples);
        return samples;
    }

    /** Stops following other JFR recordings' periods: first thing at the end of the measurement. */
    void stopWatchingOtherRecordings() {
        if (otherRecordings != null) {
            try {
                otherRecordings.close();
            } catch (Exception ignored) {
                // removing a listener does not fail
            }
        }
    }

    void close() {
        if (recorder != null) {
            recorder.close();
        }
    }

    Duration cpuPeriod() {
        return cpuPeriod;
    }

    /** How the CPU profile was sampled. */
    String cpuSampler() {
        return recorder.cpuSampler(cpuPeriod);
    }

    /** Whether the CPU samples come from a timer the kernel checks once per tick ({@link Recorder#cpuTimerPerTick}). */
    boolean cpuTimerPerTick() {
        return recorder.cpuTimerPerTick();
    }

    /** The allocation samples async-profiler's interval was chosen for; 0 with JFR or without a measured rate. */
    long plannedAllocSamples() {
        return asyncStart == null ? 0 : asyncStart.plannedSamples();
    }

    /** How the allocation profile was sampled and scaled. */
    String allocSampler(Samples.Allocations allocations) {
        if (asyncStart != null) {
            return SamplerText.asyncAlloc(
                    asyncStart.interval().bytes(),
                    asyncStart.basis(),
                    allocations,
                    Runtime.version().feature());
        }
        return SamplerText.jfrAllocWithBias(
                options.allocSamplesPerSecond(),
                allocations,
                options.engine() == Engine.JFR
                        ? SamplerText.DROP_ENGINE_JFR
                        : fallback.isEmpty() ? SamplerText.INSTALL_ASYNC : SamplerText.ASYNC_REFUSED);
    }

    /** Why engine=auto fell back to JFR, or empty. */
    String fallback() {
        return fallback;
    }

    /** Live objects per class from before the first iteration; null without a heap profile. */
    HeapGrowth heapSinceStart() {
        return heapSinceStart;
    }
}
