package io.github.jmhpprof.jmh;

import java.util.HashMap;
import java.util.Map;

/**
 * Lines of the summary that describe the environment rather than the benchmark, such as the CPU
 * sampler and why it is a fallback: said for the first benchmark of the run, and again only when
 * they change, so a run of 13 benchmarks does not repeat them 13 times.
 */
final class RunNotes {

    private static final Map<String, String> LAST = new HashMap<>();

    private RunNotes() {}

    /** The text, or null when the previous benchmark of this run already said exactly this. */
    static synchronized String unlessRepeated(String topic, String text) {
        String previous = LAST.put(topic, text);
        return text.equals(previous) ? null : text;
    }
}
