package io.github.jmhpprof.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Filling a buffer that grows by doubling against one sized up front. Doubling allocates
 * every smaller buffer on the way, about twice the final size in total.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
        value = 1,
        jvmArgsPrepend = {"-Xms1g", "-Xmx1g", "-XX:G1HeapRegionSize=4m"}) // see package-info.java
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class PreallocBenchmark {

    private static final int BYTES = 1024 * 1024;
    private static final int ELEMENTS = 100_000;
    // Boxed values from 1000 up are outside the Integer cache (-128..127 by default), so each
    // add allocates one Integer in both list benchmarks and only the backing arrays differ.
    private static final int FIRST_VALUE = 1000;

    @Benchmark
    public byte[] grow() {
        byte[] buf = new byte[0];
        int size = 0;
        for (int i = 0; i < BYTES; i++) {
            if (size == buf.length) {
                buf = Arrays.copyOf(buf, Math.max(1, buf.length * 2));
            }
            buf[size++] = (byte) i;
        }
        return buf;
    }

    @Benchmark
    public byte[] presized() {
        byte[] buf = new byte[BYTES];
        int size = 0;
        for (int i = 0; i < BYTES; i++) {
            buf[size++] = (byte) i;
        }
        return buf;
    }

    @Benchmark
    public List<Integer> listGrow() {
        List<Integer> list = new ArrayList<>();
        for (int i = 0; i < ELEMENTS; i++) {
            list.add(i + FIRST_VALUE);
        }
        return list;
    }

    @Benchmark
    public List<Integer> listPresized() {
        List<Integer> list = new ArrayList<>(ELEMENTS);
        for (int i = 0; i < ELEMENTS; i++) {
            list.add(i + FIRST_VALUE);
        }
        return list;
    }
}
