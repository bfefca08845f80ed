package io.github.jmhpprof.recording.jfr;

import io.github.jmhpprof.model.ProfileKind;
import io.github.jmhpprof.recording.MeasurementWindows;
import io.github.jmhpprof.recording.Recorder;
import io.github.jmhpprof.recording.RecordingPlan;
import io.github.jmhpprof.recording.SamplerText;
import io.github.jmhpprof.recording.Samples;
import io.github.jmhpprof.threads.ThreadSelector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import jdk.jfr.EventSettings;
import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;

/** A JFR recording started in this JVM, with the events a {@link RecordingPlan} asks for. */
public final class JfrRecording implements Recorder {

    private final Recording recording;
    private final RecordingPlan plan;

    private JfrRecording(Recording recording, RecordingPlan plan) {
        this.recording = recording;
        this.plan = plan;
    }

    /**
     * Starts recording.
     *
     * @throws IllegalStateException with the reason when JFR is missing or disabled in this JVM
     */
    public static JfrRecording start(RecordingPlan plan) {
        checkAvailable();
        Recording recording = new Recording();
        recording.setName("jmh-pprof");
        recording.setToDisk(true);
        enable(plan, recording::enable);
        recording.start();
        return new JfrRecording(recording, plan);
    }

    /**
     * Enables what the plan asks for, on a {@link Recording} or a {@code RecordingStream}
     * ({@code enable} is either's own method).
     */
    public static void enable(RecordingPlan plan, Function<String, EventSettings> enable) {
        checkAvailable();
        if (plan.has(ProfileKind.CPU)) {
            if (plan.cpuTime()) {
                enable.apply(JfrEvents.CPU_TIME_SAMPLE)
                        .with("throttle", jfrDuration(plan.cpuInterval()))
                        .withStackTrace();
                enable.apply(JfrEvents.CPU_TIME_SAMPLES_LOST);
            } else {
                enable.apply(JfrEvents.EXECUTION_SAMPLE)
                        .withPeriod(plan.cpuInterval())
                        .withStackTrace();
            }
        }
        if (plan.has(ProfileKind.ALLOC)) {
            enable.apply(JfrEvents.ALLOCATION_SAMPLE)
                    .with("throttle", plan.allocSamplesPerSecond() + "/s")
                    .withStackTrace();
            // Without stacks these are cheap; they give object sizes for the alloc_objects estimate.
            enable.apply(JfrEvents.ALLOCATION_IN_NEW_TLAB).withoutStackTrace();
            enable.apply(JfrEvents.ALLOCATION_OUTSIDE_TLAB).withoutStackTrace();
        }
        if (plan.has(ProfileKind.BLOCK) || plan.has(ProfileKind.MUTEX)) {
            Duration threshold = plan.sharedWaitThreshold();
            enable.apply(JfrEvents.THREAD_PARK).withThreshold(threshold).withStackTrace();
            enable.apply(JfrEvents.MONITOR_ENTER).withThreshold(threshold).withStackTrace();
        }
        if (plan.has(ProfileKind.BLOCK)) {
            enable.apply(JfrEvents.MONITOR_WAIT)
                    .withThreshold(plan.blockThreshold())
                    .withStackTrace();
        }
        if (plan.has(ProfileKind.HEAP)) {
            // Emitted when the recording stops, one event per sampled object still alive; cutoff 0
            // skips the search for paths to GC roots, which the heap profile does not use.
            enable.apply(JfrEvents.OLD_OBJECT_SAMPLE).with("cutoff", "0 ns").withStackTrace();
        }
    }

    /** Stops the recording and writes it to a temporary file ({@link TempDumps}), which the caller deletes. */
    public Path stopAndDump() throws IOException {
        recording.stop();
        Path file = TempDumps.newFile();
        recording.dump(file);
        return file;
    }

    @Override
    public void stopAndRead(MeasurementWindows windows, ThreadSelector selector, Samples samples) throws IOException {
        Path file = stopAndDump();
        try {
            new JfrEventReader(EventSource.jfr(plan), windows, selector, samples).read(file);
        } finally {
            deleteDump(file);
        }
    }

    @Override
    public String cpuSampler(Duration period) {
        return SamplerText.jfrCpu(plan.cpuEvent(), period, plan.cpuInterval());
    }

    /** jdk.CPUTimeSample is a per-thread CPU-time timer; jdk.ExecutionSample a sampler thread that wakes each period. */
    @Override
    public boolean cpuTimerPerTick() {
        return plan.cpuEvent() == RecordingPlan.CpuEvent.CPU_TIME_SAMPLE;
    }

    /** Deletes a dump made by {@link #stopAndDump()}; null and failures are ignored. */
    public static void deleteDump(Path dump) {
        if (dump == null) {
            return;
        }
        try {
            Files.deleteIfExists(dump);
        } catch (IOException ignored) {
            // a leftover temp recording is harmless; the profiles are made
        }
    }

    RecordingPlan plan() {
        return plan;
    }

    /** Whether {@code other} is this recording. */
    boolean is(Recording other) {
        return other.getId() == recording.getId();
    }

    @Override
    public void close() {
        recording.close();
    }

    /** True when this JVM's JFR has the CPU-time sampler (JDK 25+ on Linux). */
    public static boolean hasCpuTimeSampler() {
        checkAvailable();
        for (EventType type : FlightRecorder.getFlightRecorder().getEventTypes()) {
            if (type.getName().equals(JfrEvents.CPU_TIME_SAMPLE)) {
                return true;
            }
        }
        return false;
    }

    /** @throws IllegalStateException with the reason when JFR is missing or disabled in this JVM */
    public static void checkAvailable() {
        if (!FlightRecorder.isAvailable()) {
            throw new IllegalStateException("JDK Flight Recorder is not available in this JVM (missing, or disabled "
                    + "with -XX:-FlightRecorder); run the benchmark on a JDK with JFR enabled");
        }
    }

    private static String jfrDuration(Duration d) {
        long nanos = d.toNanos();
        if (nanos % 1_000_000 == 0) {
            return nanos / 1_000_000 + "ms";
        }
        if (nanos % 1_000 == 0) {
            return nanos / 1_000 + "us";
        }
        return nanos + "ns";
    }
}
