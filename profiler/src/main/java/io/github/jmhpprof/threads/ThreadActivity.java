package io.github.jmhpprof.threads;

import java.util.HashMap;
import java.util.Map;

/**
 * What the benchmark threads did during the measurement iterations: exact allocated bytes and
 * CPU time per thread, summed over the iterations from snapshots taken at each iteration's edges.
 * A thread born during an iteration counts from zero. A thread that ends before an iteration's
 * end (a pool shut down in {@code @TearDown}) cannot be read any more: its bytes of that iteration
 * come from the JVM's total, which keeps the bytes of ended threads, less what the live threads
 * account for; they go, with its earlier totals, to one {@link #ENDED} entry, since the total does
 * not say which ended thread allocated what. Its CPU time of that iteration is lost: the JVM keeps
 * no total of ended threads' CPU time.
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

    /** The key of the totals of threads that ended during the measurement; no Java thread has it. */
    public static final long ENDED = -1;
    /** Bytes beyond the live threads that count as ended threads' even when no thread was seen to end: a short-lived thread. */
    static final long SHORT_LIVED_THRESHOLD = 64 * 1024;

    private final Map<Long, Totals> byThread = new HashMap<>();
    private int endedThreads;

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
        return iterationBytes + addEnded(before, after);
    }

    /** The bytes of threads that ended in this iteration (see the class comment); they join {@link #ENDED}. */
    private long addEnded(ThreadSnapshot before, ThreadSnapshot after) {
        long endedBefore = 0;
        int ended = 0;
        for (Map.Entry<Long, ThreadSnapshot.Counters> e : before.threads().entrySet()) {
            ThreadSnapshot.Counters end = after.threads().get(e.getKey());
            if (end == null || end.allocatedBytes() < 0) {
                ended++;
                endedBefore += Math.max(0, e.getValue().allocatedBytes());
                Totals earlier = byThread.remove(e.getKey());
                if (earlier != null) {
                    ended(earlier.allocatedBytes, earlier.cpuNanos);
                }
            }
        }
        endedThreads += ended;
        if (before.otherBytes() < 0 || after.otherBytes() < 0) {
            return 0;
        }
        // The ended threads' bytes moved from the live threads into the JVM's "other" bytes.
        long bytes = after.otherBytes() - before.otherBytes() - endedBefore;
        if (ended == 0 && bytes < SHORT_LIVED_THRESHOLD) {
            return 0;
        }
        bytes = Math.max(0, bytes);
        ended(bytes, 0);
        return bytes;
    }

    private void ended(long bytes, long cpuNanos) {
        Totals totals = byThread.computeIfAbsent(ENDED, id -> new Totals());
        totals.name = "[threads that ended]";
        totals.allocatedBytes += bytes;
        totals.cpuNanos += cpuNanos;
    }

    /** Benchmark threads seen to end before an iteration's end; their CPU time of that iteration is not known. */
    public int endedThreads() {
        return endedThreads;
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
