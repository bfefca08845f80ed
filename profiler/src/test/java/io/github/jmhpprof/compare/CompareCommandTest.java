package io.github.jmhpprof.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jmhpprof.files.FileNames;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line on run folders made of scores files alone (the real runs are in the benchmarks' CompareIT). */
class CompareCommandTest {

    @TempDir
    Path dir;

    private record Result(int status, String out, String err) {}

    private Result compare(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = CompareCommand.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** A run folder with one benchmark: 5 forks of 3 iterations around {@code score}, {@code bytes} per op. */
    private Path run(String name, double score, long bytesPerOp) throws IOException {
        Path folder = dir.resolve(name).resolve("org.example.Bench.run-AverageTime");
        Files.createDirectories(folder);
        List<BenchmarkScores.Fork> forks = new java.util.ArrayList<>();
        for (int f = 0; f < 5; f++) {
            forks.add(new BenchmarkScores.Fork(
                    new double[] {score + f * 0.01, score + f * 0.01 + 0.001, score + 0.002},
                    1000,
                    1000 * bytesPerOp,
                    1000 * 500));
        }
        new BenchmarkScores("org.example.Bench.run", "avgt", Map.of(), "us/op", forks)
                .write(folder.resolve(FileNames.SCORES));
        return dir.resolve(name);
    }

    @Test
    void aSignificantSlowdownBeyondTheLimitFailsTheGate() throws IOException {
        Path old = run("old", 10, 48);
        Path slow = run("slow", 12, 48);
        Result r = compare("--max-slowdown=10", old.toString(), slow.toString());
        assertEquals(1, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("+20.0%"), r.out());
        assertTrue(
                r.out()
                        .contains("FAIL: org.example.Bench.run in " + slow + " is 20.0% slower (p=0.008, n=5+5 forks), "
                                + "more than --max-slowdown=10%"),
                r.out());
    }

    @Test
    void aSlowdownWithinTheLimitPasses() throws IOException {
        Result r = compare(
                "--max-slowdown",
                "25",
                run("old", 10, 48).toString(),
                run("slow", 12, 48).toString());
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(!r.out().contains("FAIL"), r.out());
    }

    @Test
    void moreBytesPerOpThanAllowedFailsWithoutAnyTest() throws IOException {
        Path old = run("old", 10, 48);
        Path more = run("more", 10, 64);
        Result fail = compare("--max-alloc-growth=0", old.toString(), more.toString());
        assertEquals(1, fail.status(), fail.out());
        assertTrue(
                fail.out().contains("allocates 64.0 B/op, was 48.0 (+33.3%), more than --max-alloc-growth=0%"),
                fail.out());
        assertEquals(
                0,
                compare("--max-alloc-growth=50", old.toString(), more.toString())
                        .status());
        assertEquals(0, compare(old.toString(), more.toString()).status(), "no gate option, no failure");
    }

    @Test
    void theSameRunIsNotSignificantAndWritesTheCsvColumns() throws IOException {
        Path old = run("old", 10, 48);
        Path csv = dir.resolve("out.csv");
        Path md = dir.resolve("out.md");
        Result r = compare(
                "--csv",
                csv.toString(),
                "--markdown",
                md.toString(),
                "--max-slowdown=0",
                "--max-alloc-growth=0",
                old.toString(),
                old.toString());
        assertEquals(0, r.status(), r.out());
        assertTrue(
                r.out().matches("(?s).*\\n[^\\n]*Bench\\.run +[^\\n]* us/op +~ +p=1\\.000 n=5\\+5 forks[^\\n]*\\n.*"),
                r.out());
        assertTrue(r.out().contains("\ngeomean"), r.out());
        String markdown = Files.readString(md);
        assertTrue(
                markdown.contains(
                        "| Bench.run |  | 10.02 ±0% | 10.02 ±0% | us/op | ~ | p=1.000 n=5+5 forks | 48.0 → 48.0 |"),
                markdown);
        assertTrue(markdown.contains("| geomean |"), markdown);
        List<String> lines = Files.readAllLines(csv);
        assertTrue(
                lines.get(0)
                        .startsWith("benchmark,params,old_score,new_score,unit,delta_pct,p_value,significant,"
                                + "old_bytes_per_op,new_bytes_per_op,"),
                lines.get(0));
        String[] row = lines.get(1).split(",");
        assertEquals("\"org.example.Bench.run\"", row[0]);
        assertEquals("0", row[5]);
        assertEquals("1", row[6]);
        assertEquals("false", row[7]);
        assertEquals("48", row[8]);
    }

    @Test
    void severalNewRunsAndMergedFolders() throws IOException {
        Path old = run("old", 10, 48);
        Path shardA = run("a", 12, 48);
        Path shardB = run("b", 12, 48);
        Result r = compare(old.toString(), shardA + "," + shardB, shardA.toString());
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("n=5+10 forks"), r.out());
        assertTrue(r.out().contains("n=5+5 forks"), r.out());
    }

    @Test
    void badInputIsNamed() throws IOException {
        Result one = compare(run("old", 10, 48).toString());
        assertEquals(2, one.status());
        assertTrue(one.err().contains("give an OLD and at least one NEW"), one.err());
        Result alpha = compare("--alpha", "5", "x", "y");
        assertEquals(2, alpha.status());
        assertTrue(alpha.err().contains("--alpha 5: must be between 0 and 1"), alpha.err());
        Files.createDirectories(dir.resolve("empty"));
        Result empty =
                compare(dir.resolve("empty").toString(), dir.resolve("empty").toString());
        assertEquals(2, empty.status());
        assertTrue(empty.err().contains("has a scores.properties"), empty.err());
        assertEquals(2, compare("--sort", "speed", "x", "y").status());
    }
}
