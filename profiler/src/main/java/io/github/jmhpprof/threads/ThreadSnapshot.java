package io.github.jmhpprof.threads;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/**
 * The allocated bytes and CPU time of every live benchmark thread at one instant, from
 * {@code com.sun.management.ThreadMXBean} (the counter JMH's {@code -prof gc} uses).
 */
public final class ThreadSnapshot {

    /** Counters of one thread; -1 where the JVM could not tell. */
    public record Counters(String name, long allocatedBytes, long cpuNanos) {}

    private static final com.sun.management.ThreadMXBean BEAN = threadBean();

    private final Map<Long, Counters> threads;
    /**
     * Bytes the JVM counted beyond the selected live threads and the thread taking the snapshot:
     * above all, threads that have ended ({@code getTotalThreadAllocatedBytes} keeps their
     * bytes). -1 where the JVM cannot tell (a JDK without that method).
     */
    private final long otherBytes;

    private ThreadSnapshot(Map<Long, Counters> threads, long otherBytes) {
        this.threads = threads;
        this.otherBytes = otherBytes;
    }

    /** Fails early, with a reason, on a JVM that cannot count per-thread allocation. */
    public static void checkSupported() {
        if (BEAN == null || !BEAN.isThreadAllocatedMemorySupported()) {
            throw new IllegalStateException("this JVM cannot count allocated bytes per thread "
                    + "(com.sun.management.ThreadMXBean); exact bytes per operation need a HotSpot-based JDK");
        }
        if (!BEAN.isThreadAllocatedMemoryEnabled()) {
            BEAN.setThreadAllocatedMemoryEnabled(true);
        }
        if (BEAN.isThreadCpuTimeSupported() && !BEAN.isThreadCpuTimeEnabled()) {
            BEAN.setThreadCpuTimeEnabled(true);
        }
    }

    /**
     * Reused by every {@link #take}: a snapshot is taken at each iteration's edges, which may lie
     * inside another profiler's window (-prof gc counts the bytes we allocate there), so it
     * allocates only what it keeps. Per-thread reads, not the bulk ones: those return new arrays.
     */
    private static Thread[] liveBuffer = new Thread[64];

    public static synchronized ThreadSnapshot take(ThreadSelector selector) {
        int live = liveThreads();
        Map<Long, Counters> threads = new HashMap<>();
        boolean cpuEnabled = BEAN.isThreadCpuTimeEnabled();
        for (int i = 0; i < live; i++) {
            Thread t = liveBuffer[i];
            liveBuffer[i] = null;
            ThreadGroup group = t.getThreadGroup();
            long id = t.getId();
            if (selector.isBenchmarkThread(id, t.getName(), group == null ? null : group.getName())) {
                threads.put(
                        id,
                        new Counters(
                                t.getName(),
                                BEAN.getThreadAllocatedBytes(id),
                                cpuEnabled ? BEAN.getThreadCpuTime(id) : -1));
            }
        }
        // Read together, with nothing allocated in between: this thread allocates while it snapshots.
        long self = BEAN.getCurrentThreadAllocatedBytes();
        long total = totalAllocatedBytes();
        long selected = 0;
        for (Counters c : threads.values()) {
            selected += Math.max(0, c.allocatedBytes());
        }
        return new ThreadSnapshot(threads, total < 0 ? -1 : total - self - selected);
    }

    /** Whether this JVM keeps the bytes of ended threads (getTotalThreadAllocatedBytes): JDK 21+, and 17.0.x updates that have it. */
    public static boolean countsEndedThreads() {
        return totalAllocatedBytes() >= 0;
    }

    /** All bytes the JVM's threads ever allocated, ended threads included; -1 on a JDK without the method (before 17.0.x/21). */
    private static long totalAllocatedBytes() {
        try {
            return BEAN.getTotalThreadAllocatedBytes();
        } catch (UnsupportedOperationException | NoSuchMethodError e) {
            return -1;
        }
    }

    /** A snapshot from known counters; for tests and for engines that count threads themselves. */
    public static ThreadSnapshot of(Map<Long, Counters> threads) {
        return new ThreadSnapshot(Map.copyOf(threads), -1);
    }

    /** A snapshot from known counters and the bytes counted beyond them (see {@link #otherBytes()}). */
    public static ThreadSnapshot of(Map<Long, Counters> threads, long otherBytes) {
        return new ThreadSnapshot(Map.copyOf(threads), otherBytes);
    }

    /** Bytes allocated by threads other than the selected live ones and the caller, ended ones included; -1 if unknown. */
    public long otherBytes() {
        return otherBytes;
    }

    public Map<Long, Counters> threads() {
        return threads;
    }

    /** Fills {@link #liveBuffer} with the live threads, growing it when they do not fit; returns how many. */
    private static int liveThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        int count;
        while ((count = root.enumerate(liveBuffer, true)) == liveBuffer.length) {
            liveBuffer = new Thread[liveBuffer.length * 2];
        }
        return count;
    }

    private static com.sun.management.ThreadMXBean threadBean() {
        return ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean ? bean : null;
    }
}
