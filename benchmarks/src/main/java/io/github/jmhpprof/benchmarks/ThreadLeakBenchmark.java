package io.github.jmhpprof.benchmarks;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The Go tutorial's goroutine leak, in Java. A lookup with a timeout hands the slow work to a new
 * thread and waits for its answer at most 1 ms. The work takes 20 ms, so every call times out.
 * <ul>
 *   <li>{@link #leaky()}: the answer goes through a {@link SynchronousQueue}, so the worker's
 *       {@code put} waits for a reader that has given up: one thread blocked for ever per call.</li>
 *   <li>{@link #fixed()}: the answer goes into a queue with room for it, as Go's fix uses a
 *       buffered channel, so the worker finishes and its thread ends.</li>
 * </ul>
 * The threads profile ({@code -prof pprof:events=threads}) of {@code leaky} shows the blocked
 * {@code put} with a count that grows with the number of calls. The leaked threads are daemons,
 * and after {@value #MAX_LEAKED} of them {@code leaky} fails rather than exhaust the machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
        value = 1,
        jvmArgsPrepend = {"-Xms1g", "-Xmx1g", "-XX:G1HeapRegionSize=4m"}) // see package-info.java
@Warmup(iterations = 1, time = 1)
@Measurement(iterations = 2, time = 1)
public class ThreadLeakBenchmark {

    static final int MAX_LEAKED = 5000;
    private static final long TIMEOUT_MILLIS = 1;
    private static final long WORK_MILLIS = 20;
    private static final AtomicInteger LEAK_THREADS = new AtomicInteger();
    private static final AtomicInteger FIXED_THREADS = new AtomicInteger();

    @Benchmark
    public int leaky() throws InterruptedException {
        if (LEAK_THREADS.get() >= MAX_LEAKED) {
            throw new IllegalStateException("leaky() stops after leaking " + MAX_LEAKED
                    + " threads, to spare the machine; run it with fewer or shorter iterations");
        }
        return lookupWithTimeout(new SynchronousQueue<>(), "leaky-lookup-" + LEAK_THREADS.incrementAndGet());
    }

    @Benchmark
    public int fixed() throws InterruptedException {
        return lookupWithTimeout(new ArrayBlockingQueue<>(1), "fixed-lookup-" + FIXED_THREADS.incrementAndGet());
    }

    /** Starts the slow work on its own thread and waits at most TIMEOUT_MILLIS; -1 on timeout. */
    private static int lookupWithTimeout(BlockingQueue<Integer> answer, String threadName) throws InterruptedException {
        Thread worker = new Thread(null, () -> slowLookup(answer), threadName, 256 * 1024);
        worker.setDaemon(true);
        worker.start();
        Integer value = answer.poll(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
        return value == null ? -1 : value;
    }

    /** The worker: slow work, then the answer. With a SynchronousQueue, {@code put} waits for a reader that left. */
    private static void slowLookup(BlockingQueue<Integer> answer) {
        try {
            Thread.sleep(WORK_MILLIS);
            answer.put(42);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
