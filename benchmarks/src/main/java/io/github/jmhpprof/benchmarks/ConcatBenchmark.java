package io.github.jmhpprof.benchmarks;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Joining 100 strings of 100 letters: {@code +=} copies the growing result on every step,
 * {@link StringBuilder} does not, so {@code plus} allocates several times more bytes.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
        value = 1,
        jvmArgsPrepend = {"-Xms1g", "-Xmx1g", "-XX:G1HeapRegionSize=4m"}) // see package-info.java
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class ConcatBenchmark {

    private static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final int COUNT = 100;
    private static final int LENGTH = 100;

    private String[] parts;

    @Setup
    public void generate() {
        Random random = new Random(42); // fixed seed: the same input in every fork
        parts = new String[COUNT];
        for (int i = 0; i < COUNT; i++) {
            char[] chars = new char[LENGTH];
            for (int j = 0; j < LENGTH; j++) {
                chars[j] = LETTERS.charAt(random.nextInt(LETTERS.length()));
            }
            parts[i] = new String(chars);
        }
    }

    @Benchmark
    public String plus() {
        String s = "";
        for (String part : parts) {
            s += part;
        }
        return s;
    }

    @Benchmark
    public String builder() {
        StringBuilder s = new StringBuilder();
        for (String part : parts) {
            s.append(part);
        }
        return s.toString();
    }
}
