package io.github.jmhpprof.model;

import java.util.List;

/**
 * A call stack, leaf first, as pprof stores it.
 *
 * @param frames leaf first; never empty
 */
public record Stack(List<Frame> frames) {

    public Stack {
        frames = List.copyOf(frames);
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("a stack needs at least one frame");
        }
    }

    public static Stack of(Frame... frames) {
        return new Stack(List.of(frames));
    }

    public Frame leaf() {
        return frames.get(0);
    }
}
