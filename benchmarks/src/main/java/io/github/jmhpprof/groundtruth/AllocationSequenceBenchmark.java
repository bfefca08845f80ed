package io.github.jmhpprof.groundtruth;

import java.util.concurrent.TimeUnit;
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
 * Ground truth for allocation profiles: every operation allocates the same sequence, one large
 * object and many small ones, each from its own method. The bytes per site follow from the
 * objects' layout (arrays: a 16-byte header, elements, 8-byte alignment; {@link Small}: a header
 * of at most 12 bytes, an int, a long at offset 16 = 24 bytes, with or without compact headers),
 * and the test checks their sum against JMH's {@code gc.alloc.rate.norm}:
 * <ul>
 *   <li>{@link #buffer}: one {@code byte[48 * 1024]}, 49,168 bytes (42.8 %)
 *   <li>{@link #smallObjects}: 1,000 {@code Small}, 24,000 bytes (20.9 %)
 *   <li>{@link #longArrays}: 100 {@code long[50]}, 41,600 bytes (36.2 %)
 * </ul>
 * A sampler that samples when a thread's allocation buffer runs out (JFR) sees mostly the large
 * object, which is nearly always the one that does not fit.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// Short, as the sample benchmarks: `java -jar benchmarks.jar` runs these too (GroundTruthIT sets its own).
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class AllocationSequenceBenchmark {

    public static final int BUFFER_BYTES = 48 * 1024;
    public static final int SMALL_OBJECTS = 1000;
    public static final int LONG_ARRAYS = 100;
    public static final int LONG_ARRAY_LENGTH = 50;

    /** 24 bytes: the fields fit after a 12-byte header, and after an 8-byte compact one. */
    static final class Small {
        final int a;
        final long b;

        Small(int a, long b) {
            this.a = a;
            this.b = b;
        }
    }

    // Fields keep every object reachable past its allocation, so escape analysis removes none.
    private byte[] lastBuffer;
    private final Small[] smalls = new Small[SMALL_OBJECTS];
    private final long[][] longs = new long[LONG_ARRAYS][];

    @Benchmark
    public int sequence() {
        buffer();
        smallObjects();
        longArrays();
        return lastBuffer.length + smalls[SMALL_OBJECTS - 1].a + longs[LONG_ARRAYS - 1].length;
    }

    private void buffer() {
        lastBuffer = new byte[BUFFER_BYTES];
    }

    private void smallObjects() {
        for (int i = 0; i < SMALL_OBJECTS; i++) {
            smalls[i] = new Small(i, i);
        }
    }

    private void longArrays() {
        for (int i = 0; i < LONG_ARRAYS; i++) {
            longs[i] = new long[LONG_ARRAY_LENGTH];
        }
    }
}
