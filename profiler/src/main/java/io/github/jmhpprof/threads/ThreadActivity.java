package io.github.jmhpprof.threads;

import java.util.HashMap;
import java.util.Map;

/**
 * What the benchmark threads did during the measurement iterations: exact allocated bytes and
 * CPU time per thread, summed over the iterations from snapshots taken at each iteration's edges.
 * A thread born during an iteration counts from zero; one that died before the iteration's end
 * is lost, as with JMH's {@code -prof gc}.
 */
public final class ThreadActivity {

    /** Totals of one thread over all measurement iterations. */
    public static final class Totals {
        private String name;
        private long allocatedBytes;
        private long cpuNanos;

        public String name() {
            return name;
        }

        public long allocatedBytes() {
            return allocatedBytes;
        }

        public long cpuNanos() {
            return cpuNanos;
        }
    }

    private final Map<Long, Totals> byThread = new HashMap<>();

    /**
     * Adds one iteration and returns the bytes its benchmark threads allocated.
     */
    public long addIteration(ThreadSnapshot before, ThreadSnapshot after) {
        long iterationBytes = 0;
        for (Map.Entry<Long, ThreadSnapshot.Counters> e : after.threads().entrySet()) {
            ThreadSnapshot.Counters end = e.getValue();
            if (end.allocatedBytes() < 0) {
                continue;
            }
            ThreadSnapshot.Counters start = before.threads().get(e.getKey());
            long bytes = end.allocatedBytes() - (start == null ? 0 : Math.max(0, start.allocatedBytes()));
            long cpu = end.cpuNanos() < 0 ? 0 : end.cpuNanos() - (start == null ? 0 : Math.max(0, start.cpuNanos()));
            Totals totals = byThread.computeIfAbsent(e.getKey(), id -> new Totals());
            totals.name = end.name();
            totals.allocatedBytes += bytes;
            totals.cpuNanos += cpu;
            iterationBytes += bytes;
        }
        return iterationBytes;
    }

    public Map<Long, Totals> byThread() {
        return byThread;
    }

    public long totalAllocatedBytes() {
        return byThread.values().stream().mapToLong(Totals::allocatedBytes).sum();
    }

    public long totalCpuNanos() {
        return byThread.values().stream().mapToLong(Totals::cpuNanos).sum();
    }
}
