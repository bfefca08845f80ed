package io.github.jmhpprof.engine;

import io.github.jmhpprof.alloc.AllocationCalibrator;
import io.github.jmhpprof.alloc.AllocationSamples;
import io.github.jmhpprof.contention.ContentionSamples;
import io.github.jmhpprof.cpu.CpuSamples;
import io.github.jmhpprof.heap.LiveObjectSamples;
import io.github.jmhpprof.jfr.JfrFileReader;
import io.github.jmhpprof.jfr.MeasurementWindows;
import io.github.jmhpprof.jfr.Recorder;
import io.github.jmhpprof.jfr.RecordingPlan;
import io.github.jmhpprof.model.Labels;
import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.report.Quantity;
import io.github.jmhpprof.threads.ThreadActivity;
import io.github.jmhpprof.threads.ThreadSelector;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The engine's one way from a JFR recording to profiles, shared by the JMH profiler and the
 * runtime API ({@code io.github.jmhpprof.Pprof}): the collectors a {@link RecordingPlan} asks for,
 * the recording read into them, and each collector turned into its pprof profile and the text
 * that says how it was sampled. Each caller adds only what is its own (labels, comments, time).
 */
public final class RecordedSamples {

    /** The events the block profile is built from, as its sampler comment names them. */
    public static final String BLOCK_EVENTS = "jdk.ThreadPark, jdk.JavaMonitorEnter and jdk.JavaMonitorWait";
    /** The events the mutex profile is built from. */
    public static final String MUTEX_EVENTS =
            "jdk.JavaMonitorEnter, and jdk.ThreadPark on ReentrantLock, ReentrantReadWriteLock and StampedLock";

    /**
     * An allocation profile scaled to exact bytes.
     *
     * @param calibrated     the profile and whether it was scaled per thread
     * @param bytesPerSample exact bytes over JFR samples: the profile's period
     */
    public record Allocations(AllocationCalibrator.Result calibrated, long bytesPerSample) {
        public ProfileData profile() {
            return calibrated.profile();
        }
    }

    private final CpuSamples cpu;
    private final AllocationSamples alloc;
    private final ContentionSamples block;
    private final ContentionSamples mutex;
    private final LiveObjectSamples heap;

    private RecordedSamples(RecordingPlan plan) {
        cpu = plan.cpu() ? new CpuSamples() : null;
        alloc = plan.alloc() ? new AllocationSamples() : null;
        block = plan.block() ? new ContentionSamples(plan.blockThreshold()) : null;
        mutex = plan.mutex() ? new ContentionSamples(plan.mutexThreshold()) : null;
        heap = plan.heap() ? new LiveObjectSamples() : null;
    }

    /**
     * Reads a recording made with {@code plan}: the events of the selected threads inside the
     * windows go to the profiles the plan asks for; events of other kinds (another recording's, as
     * JFR writes the events of all recordings running at the time into each) are left out.
     */
    public static RecordedSamples read(Path jfr, RecordingPlan plan, MeasurementWindows windows, ThreadSelector selector)
            throws IOException {
        RecordedSamples samples = new RecordedSamples(plan);
        new JfrFileReader(windows, selector, samples.collectors(), plan.cpuTime()).read(jfr);
        return samples;
    }

    /**
     * Stops a recording of either engine and reads it like {@link #read(Path, RecordingPlan,
     * MeasurementWindows, ThreadSelector)}.
     */
    public static RecordedSamples read(Recorder recorder, RecordingPlan plan, MeasurementWindows windows,
                                       ThreadSelector selector) throws IOException {
        RecordedSamples samples = new RecordedSamples(plan);
        recorder.stopAndRead(windows, selector, samples.collectors());
        return samples;
    }

    /** Empty collectors for what the plan asks for, to be fed one event at a time through {@link #reader}. */
    public static RecordedSamples collecting(RecordingPlan plan) {
        return new RecordedSamples(plan);
    }

    /** A reader that adds each event it is given to these collectors (for a live JFR stream). */
    public JfrFileReader reader(MeasurementWindows windows, ThreadSelector selector) {
        return new JfrFileReader(windows, selector, collectors());
    }

    private JfrFileReader.Collectors collectors() {
        return new JfrFileReader.Collectors(cpu, alloc, block, mutex, heap);
    }

    /** CPU samples, or null when the plan asked for none; likewise the other accessors. */
    public CpuSamples cpu() {
        return cpu;
    }

    public AllocationSamples alloc() {
        return alloc;
    }

    public ContentionSamples block() {
        return block;
    }

    public ContentionSamples mutex() {
        return mutex;
    }

    public LiveObjectSamples heap() {
        return heap;
    }

    /**
     * The allocation profile, alloc_space scaled to the exact bytes each thread allocated. The
     * period is the exact bytes per JFR sample, what Go's period (its sampling rate) means.
     */
    public Allocations allocations(ThreadActivity exact, Labels labels) {
        long bytesPerSample = Math.max(1, exact.totalAllocatedBytes() / Math.max(1, alloc.sampleCount()));
        return new Allocations(AllocationCalibrator.calibrate(alloc, exact.byThread(), labels, bytesPerSample),
                bytesPerSample);
    }

    /** How the CPU profile was sampled, for its {@code sampler:} comment. */
    public static String cpuSamplerText(boolean cpuTime, Duration period) {
        String text = Quantity.format(period.toNanos(), "nanoseconds");
        return cpuTime
                ? "jdk.CPUTimeSample every " + text + " of thread CPU time"
                : "jdk.ExecutionSample every " + text
                + " (fallback: it sees only threads running Java code; jdk.CPUTimeSample needs JDK 25+)";
    }

    /** How the allocation profile was sampled and scaled. */
    public static String allocSamplerText(int samplesPerSecond, Allocations allocations) {
        return "jdk.ObjectAllocationSample at most " + samplesPerSecond + "/s, about " + allocations.bytesPerSample()
                + " bytes per sample; alloc_space scaled " + (allocations.calibrated().perThread() ? "per thread" : "as a whole")
                + " to exact ThreadMXBean bytes; alloc_objects estimated from object sizes at TLAB refills";
    }

    /**
     * How a block or mutex profile was sampled.
     *
     * @param events which JFR events ({@link #BLOCK_EVENTS} or {@link #MUTEX_EVENTS})
     * @param within which waits count, e.g. "within one measurement iteration"
     */
    public static String contentionSamplerText(ContentionSamples samples, String events, String within) {
        long below = samples.belowThreshold();
        return events + ": every wait of at least " + Quantity.format(samples.threshold().toNanos(), "nanoseconds")
                + " that began and ended " + within
                + (below > 0 ? " (" + below + " shorter waits, recorded for the other profile's threshold, left out)" : "");
    }
}
