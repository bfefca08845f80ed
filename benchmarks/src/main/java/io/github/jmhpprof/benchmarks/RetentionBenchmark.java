package io.github.jmhpprof.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Live objects against garbage. Each call fills a scratch buffer that it drops, and offers a
 * record to a process-wide cache that keeps the first {@value #CAPACITY} records it gets (32 MB
 * with the default size) and never evicts them. The allocation profile of the measurement shows
 * the scratch buffers; the heap profile ({@code -prof pprof:events=alloc,heap}) shows the cached
 * records from {@link #cacheRecord(int)}, still live when the measurement ends.
 * <p>
 * The cache is static on purpose: JMH lets go of a benchmark's {@code @State} objects at the end
 * of the last iteration, before the profiler looks at the heap, so what only the state holds is
 * no longer live then. As after {@code go test -memprofile}, the heap profile shows what outlives
 * the benchmark: statics, caches, registries, leaked threads.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
        value = 1,
        jvmArgsPrepend = {"-Xms1g", "-Xmx1g", "-XX:G1HeapRegionSize=4m"}) // see package-info.java
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class RetentionBenchmark {

    static final int CAPACITY = 8192;
    private static final byte[][] CACHE = new byte[CAPACITY][];
    private static int cached;

    @Param("4096")
    int size;

    @Benchmark
    public int retain() {
        byte[] scratch = scratch(size * 2);
        if (cached < CAPACITY) {
            CACHE[cached++] = cacheRecord(size);
        }
        return scratch[scratch.length - 1] + cached;
    }

    /** A record the cache keeps for good. */
    private static byte[] cacheRecord(int bytes) {
        byte[] record = new byte[bytes];
        record[0] = 1;
        return record;
    }

    /** A buffer that is garbage as soon as the call returns. */
    private static byte[] scratch(int bytes) {
        byte[] buffer = new byte[bytes];
        buffer[bytes - 1] = (byte) bytes;
        return buffer;
    }
}
