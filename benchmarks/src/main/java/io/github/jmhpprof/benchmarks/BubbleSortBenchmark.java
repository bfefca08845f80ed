package io.github.jmhpprof.benchmarks;

import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** A CPU-bound benchmark: nearly all CPU time should land in {@link #bubbleSort(int[])}. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(
        value = 1,
        jvmArgsPrepend = {"-Xms1g", "-Xmx1g", "-XX:G1HeapRegionSize=4m"}) // see package-info.java
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class BubbleSortBenchmark {

    @Param("1000")
    int n;

    private int[] unsorted;

    @Setup
    public void generate() {
        unsorted = new Random(42).ints(n).toArray();
    }

    @Benchmark
    public int[] bubbleSort() {
        // Sorting in place would leave sorted input for the next call; copy first.
        int[] nums = Arrays.copyOf(unsorted, unsorted.length);
        bubbleSort(nums);
        return nums;
    }

    static void bubbleSort(int[] nums) {
        for (int i = 0; i < nums.length; i++) {
            for (int j = 1; j < nums.length - i; j++) {
                if (nums[j] < nums[j - 1]) {
                    int swap = nums[j];
                    nums[j] = nums[j - 1];
                    nums[j - 1] = swap;
                }
            }
        }
    }
}
