package io.github.jmhpprof.recording.jfr;

/** The settings async-profiler writes into its JFR file as {@code jdk.ActiveSetting} events. */
final class AsyncProfilerSettings {

    /** async-profiler's CPU engine as it recorded it (perf_events, ctimer, itimer), or null. */
    private String cpuEngine;
    /** async-profiler's {@code jstackdepth}: its stacks of this many frames were cut. */
    private int stackDepth = Integer.MAX_VALUE;

    void accept(String name, String value) {
        if ("engine".equals(name)) {
            cpuEngine = value;
        } else if ("jstackdepth".equals(name) && value != null && value.matches("\\d{1,9}")) {
            stackDepth = Integer.parseInt(value);
        }
    }

    String cpuEngine() {
        return cpuEngine;
    }

    int stackDepth() {
        return stackDepth;
    }
}
