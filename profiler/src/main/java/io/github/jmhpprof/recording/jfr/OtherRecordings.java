package io.github.jmhpprof.recording.jfr;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import jdk.jfr.FlightRecorder;
import jdk.jfr.FlightRecorderListener;
import jdk.jfr.Recording;
import jdk.jfr.RecordingState;

/**
 * Other JFR recordings in this JVM (the user's {@code -prof jfr}, {@code -XX:StartFlightRecording}).
 * JFR gives every recording the most detailed setting any of them asked for, so a shorter
 * sampling period elsewhere means our recording got samples at that period too. This finds the
 * shortest period asked for, so the CPU profile can weigh each sample by the period that applied.
 */
public final class OtherRecordings {

    private OtherRecordings() {}

    /**
     * Watches the other recordings from now until the returned handle is closed, and hands every
     * shorter period asked for to {@code shorter}: now, and whenever a recording starts or stops.
     * A listener rather than a look at each iteration's edges, because those edges may lie inside
     * another profiler's window (-prof gc counts the bytes a look allocates).
     */
    public static AutoCloseable watch(JfrRecording ours, Consumer<Duration> shorter) {
        FlightRecorderListener listener = new FlightRecorderListener() {
            @Override
            public void recordingStateChanged(Recording recording) {
                shorterCpuPeriod(ours).ifPresent(shorter);
            }
        };
        FlightRecorder.addListener(listener);
        shorterCpuPeriod(ours).ifPresent(shorter);
        return () -> FlightRecorder.removeListener(listener);
    }

    /** The shortest sampling period another running recording asked for, if shorter than ours. */
    static Optional<Duration> shorterCpuPeriod(JfrRecording ours) {
        boolean cpuTime = ours.plan().cpuTime();
        Duration interval = ours.plan().cpuInterval();
        String event = cpuTime ? JfrEvents.CPU_TIME_SAMPLE : JfrEvents.EXECUTION_SAMPLE;
        String key = event + (cpuTime ? "#throttle" : "#period");
        Duration shortest = interval;
        for (Recording r : FlightRecorder.getFlightRecorder().getRecordings()) {
            if (ours.is(r) || r.getState() != RecordingState.RUNNING) {
                continue;
            }
            Map<String, String> settings = r.getSettings();
            if (!"true".equals(settings.get(event + "#enabled"))) {
                continue;
            }
            Optional<Duration> period = parse(settings.get(key));
            if (period.isPresent() && period.get().compareTo(shortest) < 0) {
                shortest = period.get();
            }
        }
        return shortest.equals(interval) ? Optional.empty() : Optional.of(shortest);
    }

    /** JFR's duration settings: {@code 10 ms}, {@code 20ms}, {@code 1 s}. Rates, chunk markers and 0 are not periods. */
    static Optional<Duration> parse(String setting) {
        if (setting == null) {
            return Optional.empty();
        }
        return JfrDurations.parse(setting.trim().toLowerCase(Locale.ROOT)).filter(d -> !d.isZero());
    }
}
