package io.github.jmhpprof.benchmarks;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Four threads updating one shared table under one lock: a {@code synchronized} block in
 * {@link #monitor()}, a {@link ReentrantLock} in {@link #reentrantLock()}. Most of the threads'
 * time goes to waiting for the lock, which the mutex profile shows in
 * {@link #updateSynchronized()} and {@link #updateLocked()}:
 * {@code -prof pprof:events=mutex,block}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Threads(4)
@Fork(
        value = 1,
        jvmArgsPrepend = {"-Xms1g", "-Xmx1g", "-XX:G1HeapRegionSize=4m"}) // see package-info.java
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class ContentionBenchmark {

    private final Object monitor = new Object();
    private final ReentrantLock lock = new ReentrantLock();
    private final long[] table = new long[256];

    @Benchmark
    public long monitor() {
        return updateSynchronized();
    }

    @Benchmark
    public long reentrantLock() {
        return updateLocked();
    }

    /** The contended method: all threads queue on {@link #monitor} here. */
    private long updateSynchronized() {
        synchronized (monitor) {
            return update();
        }
    }

    /** The contended method of the {@link ReentrantLock} variant. */
    private long updateLocked() {
        lock.lock();
        try {
            return update();
        } finally {
            lock.unlock();
        }
    }

    /** About a microsecond of work that must not run concurrently: long enough that waiters park. */
    private long update() {
        long sum = 0;
        for (int i = 0; i < table.length; i++) {
            table[i] = table[i] * 31 + i;
            sum += table[i];
        }
        return sum;
    }
}
