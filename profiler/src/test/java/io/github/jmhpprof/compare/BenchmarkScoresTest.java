package io.github.jmhpprof.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jmhpprof.files.FileNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkScoresTest {

    @TempDir
    Path dir;

    static BenchmarkScores scores(String unit, Map<String, String> params, double[]... forks) {
        List<BenchmarkScores.Fork> list = java.util.Arrays.stream(forks)
                .map(s -> new BenchmarkScores.Fork(s, 1000, 1000 * 48, 1000 * 2_000))
                .toList();
        return new BenchmarkScores(
                "org.example.Bench.run", unit.startsWith("ops/") ? "thrpt" : "avgt", params, unit, list);
    }

    @Test
    void roundTripsEveryValueExactlyWithHostileParams() throws IOException {
        Map<String, String> params = Map.of("sep", "a=b: c,#!", "text", " leading space, ünïcode\ttab");
        BenchmarkScores written =
                scores("us/op", params, new double[] {0.1, 1e-9, 123456.789012345}, new double[] {Math.PI});
        Path file = dir.resolve(FileNames.SCORES);
        written.write(file);
        BenchmarkScores read = BenchmarkScores.read(file);
        assertEquals(written.key(), read.key());
        assertEquals(params, read.params());
        assertEquals(2, read.forks().size());
        assertArrayEquals(
                new double[] {0.1, 1e-9, 123456.789012345}, read.forks().get(0).scores());
        assertEquals(48.0, read.bytesPerOp());
        assertEquals(2000.0, read.cpuNanosPerOp());
    }

    @Test
    void keysAreInTheDocumentedOrder() throws IOException {
        Path file = dir.resolve(FileNames.SCORES);
        scores("us/op", Map.of("n", "10"), new double[] {1, 2}).write(file);
        List<String> keys = Files.readAllLines(file).stream()
                .filter(l -> !l.startsWith("#"))
                .map(l -> l.split("=")[0])
                .toList();
        assertEquals(
                List.of(
                        "format",
                        "benchmark",
                        "mode",
                        "unit",
                        "param.n",
                        "forks",
                        "fork.1.scores",
                        "fork.1.operations",
                        "fork.1.allocatedBytes",
                        "fork.1.cpuProfileNanos"),
                keys);
    }

    @Test
    void anotherFormatIsRefusedWithTheReason() throws IOException {
        Path file = dir.resolve(FileNames.SCORES);
        Files.writeString(file, "format=2\n");
        IOException e = assertThrows(IOException.class, () -> BenchmarkScores.read(file));
        assertTrue(e.getMessage().contains("format 2, this jmh-pprof reads format 1"), e.getMessage());
    }

    @Test
    void aMissingKeyIsNamed() throws IOException {
        Path file = dir.resolve(FileNames.SCORES);
        Files.writeString(file, "format=1\nbenchmark=a.B.c\nmode=avgt\nunit=us/op\nforks=1\nfork.1.operations=3\n");
        IOException e = assertThrows(IOException.class, () -> BenchmarkScores.read(file));
        assertTrue(e.getMessage().contains("has no fork.1.scores"), e.getMessage());
    }

    @Test
    void throughputIsBetterWhenHigher() {
        assertTrue(scores("ops/s", Map.of(), new double[] {1}).higherIsBetter());
        assertFalse(scores("ns/op", Map.of(), new double[] {1}).higherIsBetter());
    }

    @Test
    void mergingPoolsForksAndRefusesAnotherUnit() {
        BenchmarkScores a = scores("us/op", Map.of(), new double[] {1, 2});
        BenchmarkScores b = scores("us/op", Map.of(), new double[] {3}, new double[] {4});
        assertEquals(3, a.withForksOf(b).forks().size());
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> a.withForksOf(scores("ns/op", Map.of(), new double[] {1})));
        assertTrue(e.getMessage().contains("-tu"), e.getMessage());
    }
}
