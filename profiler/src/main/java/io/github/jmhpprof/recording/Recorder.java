package io.github.jmhpprof.recording;

import io.github.jmhpprof.threads.ThreadSelector;
import java.io.IOException;
import java.time.Duration;

/**
 * A sampling engine that runs from the first iteration to the end of the measurement: JFR or
 * async-profiler ({@code recording.jfr}, {@code recording.async}). It fills engine-neutral
 * {@link Samples}, and says how it sampled the CPU profile.
 */
public interface Recorder extends AutoCloseable {

    /**
     * Stops recording and streams the events of the benchmark threads inside the measurement
     * windows into the samples.
     */
    void stopAndRead(MeasurementWindows windows, ThreadSelector selector, Samples samples) throws IOException;

    /**
     * How the CPU profile was sampled, for its {@code sampler:} comment; call after
     * {@link #stopAndRead}.
     *
     * @param period the period each sample stands for
     */
    String cpuSampler(Duration period);

    /**
     * Whether the CPU samples come from a CPU-time timer that Linux checks once per scheduler tick,
     * which cannot keep a shorter period ({@link io.github.jmhpprof.cpu.CpuSamplePeriod}); call
     * after {@link #stopAndRead}.
     */
    boolean cpuTimerPerTick();

    /** Stops recording if it still runs, and frees what it holds; safe to call more than once. */
    @Override
    void close();
}
