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
    public record Counters(String name, long allocatedBytes, long cpuNanos) {
    }

    private static final com.sun.management.ThreadMXBean BEAN = threadBean();

    private final Map<Long, Counters> threads;

    private ThreadSnapshot(Map<Long, Counters> threads) {
        this.threads = threads;
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

    public static ThreadSnapshot take(ThreadSelector selector) {
        Thread[] live = liveThreads();
        int n = 0;
        long[] ids = new long[live.length];
        String[] names = new String[live.length];
        for (Thread t : live) {
            ThreadGroup group = t.getThreadGroup();
            if (selector.isBenchmarkThread(t.getId(), t.getName(), group == null ? null : group.getName())) {
                ids[n] = t.getId();
                names[n] = t.getName();
                n++;
            }
        }
        long[] selected = java.util.Arrays.copyOf(ids, n);
        long[] bytes = BEAN.getThreadAllocatedBytes(selected);
        long[] cpu = BEAN.isThreadCpuTimeEnabled() ? BEAN.getThreadCpuTime(selected) : null;
        Map<Long, Counters> threads = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            threads.put(selected[i], new Counters(names[i], bytes[i], cpu == null ? -1 : cpu[i]));
        }
        return new ThreadSnapshot(threads);
    }

    /** A snapshot from known counters; for tests and for engines that count threads themselves. */
    public static ThreadSnapshot of(Map<Long, Counters> threads) {
        return new ThreadSnapshot(Map.copyOf(threads));
    }

    public Map<Long, Counters> threads() {
        return threads;
    }

    private static Thread[] liveThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int count;
        while ((count = root.enumerate(threads, true)) == threads.length) {
            threads = new Thread[threads.length * 2];
        }
        return java.util.Arrays.copyOf(threads, count);
    }

    private static com.sun.management.ThreadMXBean threadBean() {
        return ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean bean ? bean : null;
    }
}
