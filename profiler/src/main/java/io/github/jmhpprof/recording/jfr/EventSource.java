package io.github.jmhpprof.recording.jfr;

import io.github.jmhpprof.recording.RecordingPlan;

/**
 * Which program wrote a JFR file, and so how its events read. JFR samples CPU with the one event
 * the plan chose; async-profiler writes its CPU samples as {@code jdk.ExecutionSample} and its
 * allocation samples as TLAB events with stacks and the sampled object's size.
 *
 * @param cpuEvent      the one CPU event that counts. JFR writes the events of every recording
 *                      running at the time into each, so another recording's
 *                      {@code jdk.ExecutionSample} shows up beside our {@code jdk.CPUTimeSample};
 *                      counting both would count the same CPU time twice
 * @param allocInterval async-profiler's mean bytes between allocation samples, or 0 for JFR
 */
public record EventSource(String cpuEvent, long allocInterval) {

    /** A recording JFR made with this plan. */
    public static EventSource jfr(RecordingPlan plan) {
        return new EventSource(plan.cpuTime() ? JfrEvents.CPU_TIME_SAMPLE : JfrEvents.EXECUTION_SAMPLE, 0);
    }

    /** A file async-profiler wrote, sampling allocations every {@code allocInterval} bytes on average. */
    public static EventSource asyncProfiler(long allocInterval) {
        return new EventSource(JfrEvents.EXECUTION_SAMPLE, Math.max(1, allocInterval));
    }

    public boolean isAsyncProfiler() {
        return allocInterval > 0;
    }
}
