package io.github.jmhpprof.jmh;

/**
 * What the summary says when benchmark threads ended during the measurement (a pool the benchmark
 * shuts down in {@code @TearDown(Level.Trial)} ends before the last iteration's counters are
 * read): which of its figures are exact and which cannot be.
 */
final class EndedThreadsNote {

    private EndedThreadsNote() {}

    static String of(int endedThreads, boolean jvmCountsEndedThreads) {
        if (endedThreads == 0) {
            return "";
        }
        String who =
                endedThreads + " benchmark thread(s) ended during the measurement (e.g. a pool shut down in @TearDown)";
        String bytes = jvmCountsEndedThreads
                ? "their bytes are exact (the JVM's total keeps ended threads' bytes), and the allocation profile is "
                        + "scaled as a whole"
                : "their bytes after the last reading are missing (this JDK has no getTotalThreadAllocatedBytes, "
                        + "JDK 21+), so B/op is too low";
        return who + ": " + bytes + "; their CPU time after the last reading is unknown (the JVM keeps no total of "
                + "ended threads' CPU time), so CPU coverage reads high and the JVM's share holds that time";
    }
}
