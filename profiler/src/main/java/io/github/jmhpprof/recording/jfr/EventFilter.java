package io.github.jmhpprof.recording.jfr;

import io.github.jmhpprof.recording.MeasurementWindows;
import io.github.jmhpprof.threads.ThreadSelector;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;

/** Which events count: those of benchmark threads, inside the measurement windows. */
record EventFilter(MeasurementWindows windows, ThreadSelector selector) {

    boolean isBenchmarkThread(RecordedThread thread) {
        if (thread == null || thread.getJavaName() == null) {
            return false;
        }
        String group =
                thread.getThreadGroup() == null ? null : thread.getThreadGroup().getName();
        return selector.isBenchmarkThread(thread.getJavaThreadId(), thread.getJavaName(), group);
    }

    /** A sample of a benchmark thread taken inside a window. */
    boolean counts(RecordedEvent event, RecordedThread thread) {
        return isBenchmarkThread(thread) && windows.contains(event.getStartTime());
    }

    /**
     * A wait of a benchmark thread that began and ended inside one window: waits across an
     * iteration's edge are JMH's workers idling between iterations.
     */
    boolean countsSpan(RecordedEvent event, RecordedThread thread) {
        return isBenchmarkThread(thread) && windows.containsSpan(event.getStartTime(), event.getEndTime());
    }
}
