package io.github.jmhpprof.jfr;

import io.github.jmhpprof.threads.ThreadSelector;

import java.io.IOException;

/**
 * A sampling engine that runs from the first iteration to the end of the measurement: JFR
 * ({@link JfrRecording}) or async-profiler. Both leave JFR files behind, which
 * {@link JfrFileReader} turns into engine-neutral samples.
 */
public interface Recorder extends AutoCloseable {

    /**
     * Stops recording and streams the events of the benchmark threads inside the measurement
     * windows into the collectors.
     */
    void stopAndRead(MeasurementWindows windows, ThreadSelector selector, JfrFileReader.Collectors collectors)
            throws IOException;

    /** Stops recording if it still runs, and frees what it holds; safe to call more than once. */
    @Override
    void close();
}
