package io.github.jmhpprof.threads;

import java.lang.management.ManagementFactory;

/** CPU time of the whole JVM process: benchmark threads plus GC, JIT and the JVM's other threads. */
public final class ProcessCpu {

    private ProcessCpu() {
    }

    /** Process CPU time in nanoseconds, or 0 where the JVM cannot tell. */
    public static long nanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? Math.max(0, os.getProcessCpuTime())
                : 0;
    }
}
