package io.github.jmhpprof.threads;

/**
 * Decides which threads do the benchmark's work: JMH's workers and whatever the benchmark starts
 * itself (a parallel stream's ForkJoinPool, an executor). Left out are the thread that drives JMH's
 * iterations, the JVM's system threads (reference handling, signal dispatch, JFR's own threads)
 * and JFR's and async-profiler's threads whatever their group.
 */
public final class ThreadSelector {

    private final long driverThreadId;
    /** Threads whose names start with this are left out too; null for none. */
    private final String excludedPrefix;

    public ThreadSelector(long driverThreadId) {
        this(driverThreadId, null);
    }

    private ThreadSelector(long driverThreadId, String excludedPrefix) {
        this.driverThreadId = driverThreadId;
        this.excludedPrefix = excludedPrefix;
    }

    /**
     * All threads but the JVM's system threads, JFR's, and those whose names start with {@code
     * prefix}: for a whole program whose profiler serves profiles on threads of its own, which
     * would otherwise show the profiler's work in the profiles (and add to them with every request).
     */
    public static ThreadSelector allBut(String prefix) {
        return new ThreadSelector(NO_THREAD, prefix);
    }

    /** All threads but the JVM's system threads and JFR's: for profiling a whole program, where no thread drives. */
    public static ThreadSelector allButSystem() {
        return new ThreadSelector(NO_THREAD);
    }

    /** No Java thread has this id: ids are positive. */
    private static final long NO_THREAD = -1;

    /**
     * @param threadId  Java thread id
     * @param name      thread name
     * @param groupName thread group name, or null when unknown (virtual threads, dead threads)
     */
    public boolean isBenchmarkThread(long threadId, String name, String groupName) {
        if (threadId == driverThreadId) {
            return false;
        }
        if ("system".equals(groupName)) {
            return false;
        }
        if (name != null && excludedPrefix != null && name.startsWith(excludedPrefix)) {
            return false;
        }
        // The samplers' own threads: JFR's, and async-profiler's ("Async-profiler Timer"), which
        // is attached to the JVM and so can be seen with a thread group of its own.
        return name == null || !(name.startsWith("JFR ") || name.startsWith("Async-profiler"));
    }
}
