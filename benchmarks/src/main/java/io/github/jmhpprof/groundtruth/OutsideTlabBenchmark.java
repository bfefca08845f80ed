package io.github.jmhpprof.groundtruth;

import io.github.jmhpprof.groundtruth.AllocationSequenceBenchmark.Small;
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
 * Ground truth for objects allocated outside the thread's allocation buffer (TLAB): every
 * operation allocates one {@code long[50_000]} and 50,000 {@link Small} objects, each from its own
 * method:
 * <ul>
 *   <li>{@link #largeArray}: 400,016 bytes (25.0 %), one object
 *   <li>{@link #smallObjects}: 1,200,000 bytes (75.0 %), 50,000 objects
 * </ul>
 * The fork's heap is fixed at 1 GB with 1 MB G1 regions, where no TLAB is larger than half a
 * region: the array almost never fits the rest of a TLAB, so HotSpot allocates it outside one.
 * Before JDK 25 HotSpot's heap sampler (JVMTI, which async-profiler uses) samples such objects too
 * seldom (JDK-8356372); the test asserts that as documented, and the truth on JDK 25.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// Short, as the sample benchmarks: `java -jar benchmarks.jar` runs these too (GroundTruthIT sets its own).
@Fork(
        value = 1,
        jvmArgsPrepend = {"-XX:+UseG1GC", "-Xms1g", "-Xmx1g", "-XX:G1HeapRegionSize=1m"})
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class OutsideTlabBenchmark {

    public static final int ARRAY_LENGTH = 50_000;
    public static final int SMALL_OBJECTS = 50_000;

    // Fields keep every object reachable past its allocation, so escape analysis removes none.
    private long[] lastArray;
    private final Small[] smalls = new Small[SMALL_OBJECTS];

    @Benchmark
    public int sequence() {
        largeArray();
        smallObjects();
        return lastArray.length + smalls[SMALL_OBJECTS - 1].a;
    }

    private void largeArray() {
        lastArray = new long[ARRAY_LENGTH];
    }

    private void smallObjects() {
        for (int i = 0; i < SMALL_OBJECTS; i++) {
            smalls[i] = new Small(i, i);
        }
    }
}
