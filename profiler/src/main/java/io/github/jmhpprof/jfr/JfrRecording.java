package io.github.jmhpprof.jfr;

import io.github.jmhpprof.threads.ThreadSelector;
import jdk.jfr.EventType;
import jdk.jfr.FlightRecorder;
import jdk.jfr.Recording;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** A JFR recording started in this JVM, with the events a {@link RecordingPlan} asks for. */
public final class JfrRecording implements Recorder {

    private final Recording recording;

    private JfrRecording(Recording recording) {
        this.recording = recording;
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
        if (plan.cpu()) {
            if (plan.cpuTime()) {
                recording.enable(JfrEvents.CPU_TIME_SAMPLE).with("throttle", jfrDuration(plan.interval())).withStackTrace();
                recording.enable(JfrEvents.CPU_TIME_SAMPLES_LOST);
            } else {
                recording.enable(JfrEvents.EXECUTION_SAMPLE).withPeriod(plan.interval()).withStackTrace();
            }
        }
        if (plan.alloc()) {
            recording.enable(JfrEvents.ALLOCATION_SAMPLE)
                    .with("throttle", plan.allocSamplesPerSecond() + "/s").withStackTrace();
            // Without stacks these are cheap; they give object sizes for the alloc_objects estimate.
            recording.enable(JfrEvents.ALLOCATION_IN_NEW_TLAB).withoutStackTrace();
            recording.enable(JfrEvents.ALLOCATION_OUTSIDE_TLAB).withoutStackTrace();
        }
        if (plan.block() || plan.mutex()) {
            Duration threshold = plan.sharedWaitThreshold();
            recording.enable(JfrEvents.THREAD_PARK).withThreshold(threshold).withStackTrace();
            recording.enable(JfrEvents.MONITOR_ENTER).withThreshold(threshold).withStackTrace();
        }
        if (plan.block()) {
            recording.enable(JfrEvents.MONITOR_WAIT).withThreshold(plan.blockThreshold()).withStackTrace();
        }
        if (plan.heap()) {
            // Emitted when the recording stops, one event per sampled object still alive; cutoff 0
            // skips the search for paths to GC roots, which the heap profile does not use.
            recording.enable(JfrEvents.OLD_OBJECT_SAMPLE).with("cutoff", "0 ns").withStackTrace();
        }
        recording.start();
        return new JfrRecording(recording);
    }

    /** Stops the recording and writes it to a temporary file, which the caller deletes. */
    public Path stopAndDump() throws IOException {
        recording.stop();
        Path file = Files.createTempFile("jmh-pprof-", ".jfr");
        recording.dump(file);
        return file;
    }

    @Override
    public void stopAndRead(MeasurementWindows windows, ThreadSelector selector, JfrFileReader.Collectors collectors)
            throws IOException {
        Path file = stopAndDump();
        try {
            new JfrFileReader(windows, selector, collectors).read(file);
        } finally {
            deleteDump(file);
        }
    }

    /**
     * Writes what the still running recording holds so far to a temporary file, which the caller
     * deletes. A dump also makes JFR emit its {@code jdk.OldObjectSample} events.
     */
    public Path dumpSoFar() throws IOException {
        Path file = Files.createTempFile("jmh-pprof-", ".jfr");
        recording.dump(file);
        return file;
    }

    /** Deletes a dump made by {@link #stopAndDump()} or {@link #dumpSoFar()}; null and failures are ignored. */
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

    private static void checkAvailable() {
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
