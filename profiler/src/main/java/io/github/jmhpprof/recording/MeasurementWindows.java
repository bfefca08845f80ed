package io.github.jmhpprof.recording;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The wall-clock spans of the measurement iterations. The recording starts during warmup (so that
 * JFR's start-up and the recompilation it causes stay out of the measured score); only events
 * inside these spans make it into the profiles.
 */
public final class MeasurementWindows {

    private record Window(Instant start, Instant end) {}

    private final List<Window> windows = new ArrayList<>();
    private Instant openedAt;

    public void open(Instant start) {
        if (openedAt != null) {
            throw new IllegalStateException("window already open since " + openedAt);
        }
        openedAt = start;
    }

    public void close(Instant end) {
        if (openedAt == null) {
            throw new IllegalStateException("no open window");
        }
        windows.add(new Window(openedAt, end));
        openedAt = null;
    }

    public boolean contains(Instant t) {
        for (Window w : windows) {
            if (!t.isBefore(w.start) && !t.isAfter(w.end)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when one window holds the whole span. Waits that cross an iteration's edge are JMH's
     * own (workers parked between iterations), or only partly measured, so they do not count.
     */
    public boolean containsSpan(Instant start, Instant end) {
        for (Window w : windows) {
            if (!start.isBefore(w.start) && !end.isAfter(w.end)) {
                return true;
            }
        }
        return false;
    }

    public Instant firstStart() {
        return windows.get(0).start;
    }

    /** The measured time: the sum of the windows, without the gaps between iterations. */
    public Duration total() {
        Duration total = Duration.ZERO;
        for (Window w : windows) {
            total = total.plus(Duration.between(w.start, w.end));
        }
        return total;
    }
}
