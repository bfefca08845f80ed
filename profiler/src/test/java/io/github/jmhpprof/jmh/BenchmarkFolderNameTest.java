package io.github.jmhpprof.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BenchmarkFolderNameTest {

    @Test
    void plainIdsStayAsTheyAre() {
        String id = "org.example.Sort.bubbleSort-AverageTime-n-1000";
        assertEquals(id, BenchmarkFolderName.of(id));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "b-AverageTime-p-../x",
                "b-AverageTime-p-a/b",
                "..",
                ".",
                "b-p-:*?",
                "b-p-with space",
                "b-p-naïve-日本"
            })
    void hostileIdsBecomeOneSafeFolderInsideTheRoot(String id) {
        String name = BenchmarkFolderName.of(id);
        assertTrue(name.matches("[A-Za-z0-9._=,-]+"), name);
        assertTrue(!name.startsWith("."), name);
        Path root = Path.of("/root/pprof");
        assertEquals(root, root.resolve(name).normalize().getParent(), name);
    }

    @Test
    void idsThatCleanUpAlikeStayApart() {
        assertNotEquals(BenchmarkFolderName.of("b-p-a/b"), BenchmarkFolderName.of("b-p-a:b"));
        assertNotEquals(BenchmarkFolderName.of("b-p-a_b"), BenchmarkFolderName.of("b-p-a/b"));
    }

    @Test
    void longIdsAreCutButStayDistinct() {
        String a = "b-p-" + "x".repeat(300) + "a";
        String b = "b-p-" + "x".repeat(300) + "b";
        assertTrue(BenchmarkFolderName.of(a).length() <= BenchmarkFolderName.MAX_LENGTH);
        assertNotEquals(BenchmarkFolderName.of(a), BenchmarkFolderName.of(b));
    }

    /** The shape of the ids that lost their params on a real queue library's suite (issue #15). */
    @Test
    void aLongIdKeepsEveryParamValueAndShortensThePackageFirst() {
        String params =
                "-Throughput-burstSize-100-consumerCount-2-producerCount-2-qCapacity-132000-qType-SpscArrayQueue";
        String a = "org.example.queues.benchmarks.throughput.QueueBurstCostBenchmark.burstCost" + params + "-w-true";
        String b = "org.example.queues.benchmarks.throughput.QueueBurstCostBenchmark.burstCost" + params + "-w-false";
        assertTrue(a.length() > BenchmarkFolderName.MAX_LENGTH, "the test needs an id over the limit: " + a.length());
        String folder = BenchmarkFolderName.of(a);
        assertTrue(folder.startsWith("o.e.q.b.t.QueueBurstCostBenchmark.burstCost" + params + "-w-true-"), folder);
        assertTrue(BenchmarkFolderName.of(b).contains("-w-false-"), BenchmarkFolderName.of(b));
        assertNotEquals(folder, BenchmarkFolderName.of(b));
        assertTrue(folder.length() <= BenchmarkFolderName.MAX_LENGTH, folder);
    }

    @Test
    void whenInitialsAreNotEnoughThePackageGoesAndTheParamsStay() {
        String params = "-AverageTime-" + "p".repeat(60) + "-" + "v".repeat(66);
        String id = "a".repeat(30) + "." + "b".repeat(30) + ".Bench.m" + params;
        String folder = BenchmarkFolderName.of(id);
        assertTrue(folder.startsWith("Bench.m" + params + "-"), folder);
    }
}
