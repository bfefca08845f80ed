package io.github.jmhpprof.threads;

import java.lang.management.ManagementFactory;

/** CPU time of the whole JVM process: benchmark threads plus GC, JIT and the JVM's other threads. */
public final class ProcessCpu {

    /**
     * Looked up once: read at every iteration's edges, where another profiler (-prof gc) may be
     * counting bytes, so the reading itself must not allocate.
     */
    private static final com.sun.management.OperatingSystemMXBean OS =
            ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                    ? os
                    : null;

    private ProcessCpu() {}

    /** Process CPU time in nanoseconds, or 0 where the JVM cannot tell. */
    public static long nanos() {
        return OS == null ? 0 : Math.max(0, OS.getProcessCpuTime());
    }
}
