package io.github.jmhpprof.threads;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ThreadSelectorTest {

    private final ThreadSelector selector = new ThreadSelector(1);

    @Test
    void workersAndTheBenchmarksOwnThreadsCount() {
        assertTrue(selector.isBenchmarkThread(7, "Foo.bar-jmh-worker-1", "main"));
        assertTrue(selector.isBenchmarkThread(8, "pool-1-thread-1", null));
    }

    /** Seen in a JDK 25 run: async-profiler's timer thread sampled beside the benchmark's worker. */
    @Test
    void theDriverTheSystemAndTheSamplersOwnThreadsDoNot() {
        assertFalse(selector.isBenchmarkThread(1, "main", "main"), "JMH's driver thread");
        assertFalse(selector.isBenchmarkThread(9, "Reference Handler", "system"));
        assertFalse(selector.isBenchmarkThread(10, "JFR Recorder Thread", "main"));
        assertFalse(selector.isBenchmarkThread(11, "Async-profiler Timer", "main"));
    }
}
