package io.github.jmhpprof.recording.jfr;

/** Names of the JFR events this profiler uses. */
final class JfrEvents {
    static final String EXECUTION_SAMPLE = "jdk.ExecutionSample";
    static final String CPU_TIME_SAMPLE = "jdk.CPUTimeSample";
    static final String CPU_TIME_SAMPLES_LOST = "jdk.CPUTimeSamplesLost";
    static final String ALLOCATION_SAMPLE = "jdk.ObjectAllocationSample";
    static final String ALLOCATION_IN_NEW_TLAB = "jdk.ObjectAllocationInNewTLAB";
    static final String ALLOCATION_OUTSIDE_TLAB = "jdk.ObjectAllocationOutsideTLAB";
    static final String THREAD_PARK = "jdk.ThreadPark";
    static final String MONITOR_ENTER = "jdk.JavaMonitorEnter";
    static final String MONITOR_WAIT = "jdk.JavaMonitorWait";
    static final String OLD_OBJECT_SAMPLE = "jdk.OldObjectSample";
    static final String ACTIVE_SETTING = "jdk.ActiveSetting";

    private JfrEvents() {}
}
