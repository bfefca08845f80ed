package io.github.jmhpprof.jmh;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Ground truth for a benchmark whose work runs on a pool it shuts down in {@code @TearDown(Level.Trial)}:
 * the pool's thread ends after the last iteration but before its counters are read. Each
 * operation allocates one 64 KiB array on the pool's thread (65,552 bytes with its header) and a
 * few hundred bytes of task and future.
 */
@State(Scope.Benchmark)
public class EndingPoolBenchmark {

    static final int ARRAY_BYTES = 64 * 1024;

    private ExecutorService pool;
    private volatile Thread consumer;

    @Setup(Level.Trial)
    public void startPool() {
        pool = Executors.newSingleThreadExecutor(r -> consumer = new Thread(r, "consumer"));
    }

    @TearDown(Level.Trial)
    public void stopPool() throws InterruptedException {
        pool.shutdown();
        if (!pool.awaitTermination(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the pool did not end");
        }
        // A terminated pool's thread may still be alive for a moment: wait, so that it has surely
        // ended when the profiler reads the counters after the last iteration.
        consumer.join();
    }

    @Benchmark
    public byte[] consume() throws Exception {
        return pool.submit(() -> {
                    byte[] bytes = new byte[ARRAY_BYTES];
                    bytes[ARRAY_BYTES - 1] = 1;
                    return bytes;
                })
                .get();
    }
}
