package io.github.jmhpprof.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jmhpprof.testing.GoPprof;
import io.github.jmhpprof.testing.JmhCsv;
import io.github.jmhpprof.testing.RawProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the shaded jar on all seven sample benchmarks with {@code -prof pprof -prof gc} in one
 * run, in a real JMH fork, and checks the profiles with the real {@code go tool pprof}.
 * Short iterations keep it to about a minute; the tolerances are the ones users are promised.
 */
class SampleBenchmarksProfileIT {

    private static final String PKG = BenchmarksJar.PKG;
    private static final List<String> BENCHMARKS = List.of(
            "BubbleSortBenchmark.bubbleSort",
            "ConcatBenchmark.plus",
            "ConcatBenchmark.builder",
            "PreallocBenchmark.grow",
            "PreallocBenchmark.presized",
            "PreallocBenchmark.listGrow",
            "PreallocBenchmark.listPresized");

    private static BenchmarksJar.Run run;
    private static JmhCsv results;

    @BeforeAll
    static void runAllSampleBenchmarks() throws Exception {
        Path dir = BenchmarksJar.newWorkDir("samples");
        run = BenchmarksJar.run(
                dir,
                600,
                List.of(
                        "(BubbleSort|Concat|Prealloc)Benchmark", // the contention, leak and heap examples have their
                        // own IT
                        "-f",
                        "1",
                        "-wi",
                        "2",
                        "-w",
                        "500ms",
                        "-i",
                        "3",
                        "-r",
                        "500ms",
                        "-prof",
                        "pprof",
                        "-prof",
                        "gc",
                        "-rf",
                        "csv",
                        "-rff",
                        "results.csv"));
        assertEquals(0, run.exitCode(), run.output());
        results = JmhCsv.read(dir.resolve("results.csv"));
    }

    @Test
    void everyBenchmarkHasACpuAndAnAllocProfileThatPprofReadsCleanly() {
        for (String benchmark : BENCHMARKS) {
            Path cpu = run.profile(benchmark, "cpu.pb.gz");
            Path alloc = run.profile(benchmark, "alloc.pb.gz");
            String top = GoPprof.run(List.of("-top"), cpu).assertNoStderr();
            assertTrue(top.contains("Type: cpu"), top);
            String allocTop = GoPprof.run(List.of("-top"), alloc).assertNoStderr();
            assertTrue(allocTop.contains("Type: alloc_space"), "alloc_space is the default sample type:\n" + allocTop);
            RawProfile cpuRaw = raw(cpu);
            assertEquals(List.of("samples/count", "cpu/nanoseconds"), cpuRaw.sampleTypes());
            assertTrue(cpuRaw.total("samples") > 0, benchmark + " has CPU samples");
            RawProfile allocRaw = raw(alloc);
            assertEquals(List.of("alloc_objects/count", "alloc_space/bytes"), allocRaw.sampleTypes());
            assertTrue(Long.parseLong(allocRaw.comment("operations")) > 0, benchmark + " counts operations");
        }
    }

    @Test
    void bubbleSortCpuIsSpentInBubbleSort() {
        RawProfile cpu = raw(run.profile("BubbleSortBenchmark.bubbleSort", "cpu.pb.gz"));
        long inSort = cpu.samples().stream()
                .filter(s -> cpu.leafFunction(s).endsWith(".bubbleSort(int[])"))
                .mapToLong(s -> s.values()[0])
                .sum();
        double share = (double) inSort / cpu.total("samples");
        // async-profiler (the default) also samples native and VM code on the benchmark thread
        // (96 % seen on JDK 25), which JFR's Java-only samples never showed.
        assertTrue(share >= 0.9, "share of CPU samples with bubbleSort as leaf: " + share);
    }

    @Test
    void allocSpacePerOperationMatchesJmhGcProfiler() {
        for (String benchmark : BENCHMARKS) {
            RawProfile alloc = raw(run.profile(benchmark, "alloc.pb.gz"));
            double perOp = (double) alloc.total("alloc_space") / Long.parseLong(alloc.comment("operations"));
            double gc = results.score(PKG + benchmark + ":gc.alloc.rate.norm");
            double tolerance = gc < 10_000 ? 0.10 : 0.03;
            assertWithin(gc, perOp, tolerance, benchmark + " alloc_space/op vs gc.alloc.rate.norm");
            assertWithin(
                    gc,
                    results.score(PKG + benchmark + ":pprof.alloc.norm"),
                    tolerance,
                    benchmark + " pprof.alloc.norm vs gc.alloc.rate.norm");
        }
    }

    @Test
    void allocationRatiosBetweenBenchmarksMatchJmhGcProfiler() {
        assertWithin(
                gcRatio("ConcatBenchmark.plus", "ConcatBenchmark.builder"),
                perOpRatio("ConcatBenchmark.plus", "ConcatBenchmark.builder"),
                0.05,
                "plus / builder");
        assertWithin(
                gcRatio("PreallocBenchmark.grow", "PreallocBenchmark.presized"),
                perOpRatio("PreallocBenchmark.grow", "PreallocBenchmark.presized"),
                0.05,
                "grow / presized");
    }

    @Test
    void listShowsTheBubbleSortLoopWithItsCost() {
        String list = GoPprof.run(
                        List.of(
                                "-list",
                                "BubbleSortBenchmark.bubbleSort\\(int\\[\\]\\)",
                                "-source_path=" + System.getProperty("benchmarks.sourceRoot")),
                        run.profile("BubbleSortBenchmark.bubbleSort", "cpu.pb.gz"))
                .assertNoStderr();
        String compare = list.lines()
                .filter(l -> l.contains("if (nums[j] < nums[j - 1])"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no source in -list output:\n" + list));
        assertTrue(compare.trim().matches("^[\\d.]+m?s\\s+.*"), "the comparison line has a flat value: " + compare);
    }

    /**
     * bubbleSort() (the benchmark method) and bubbleSort(int[]) (the sort) are two functions, so
     * -list shows two routines of at most 100 % each, not one of 200 %; and the root frame that
     * stands for JMH is not matched by a regex for the method.
     */
    @Test
    void listOfBothBubbleSortsTotalsAtMostOneHundredPercentEach() {
        String list = GoPprof.run(
                        List.of(
                                "-list",
                                "BubbleSortBenchmark.bubbleSort",
                                "-source_path=" + System.getProperty("benchmarks.sourceRoot")),
                        run.profile("BubbleSortBenchmark.bubbleSort", "cpu.pb.gz"))
                .assertNoStderr();
        java.util.regex.Matcher routine = java.util.regex.Pattern.compile(
                        "ROUTINE =+ (\\S+) in .*\n\\s*\\S+\\s+\\S+ \\(flat, cum\\)\\s+([\\d.]+)% of Total")
                .matcher(list);
        List<String> routines = new java.util.ArrayList<>();
        while (routine.find()) {
            routines.add(routine.group(1));
            assertTrue(Double.parseDouble(routine.group(2)) <= 100, routine.group() + "\n" + list);
        }
        assertEquals(
                List.of(PKG + "BubbleSortBenchmark.bubbleSort()", PKG + "BubbleSortBenchmark.bubbleSort(int[])"),
                routines,
                list);
        // Nearly all the CPU time is under the benchmark method; async-profiler also sees a little
        // native and VM time in the harness, so not always 100 %.
        assertTrue(routines.size() == 2 && percentOfTotal(list, 0) >= 90, list);
        assertTrue(!list.contains("No source information") && !list.contains("Error:"), list);
    }

    /** The "% of Total" of the n-th routine in -list output. */
    private static double percentOfTotal(String list, int n) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\(flat, cum\\)\\s+([\\d.]+)% of Total")
                .matcher(list);
        for (int i = 0; i <= n; i++) {
            assertTrue(m.find(), "routine " + i + " in:\n" + list);
        }
        return Double.parseDouble(m.group(1));
    }

    @Test
    void theSummaryTopRowsAreThoseOfPprofTop() {
        SummaryTables.assertAgreeWithPprof(run.output(), run.workDir(), 2 * BENCHMARKS.size());
    }

    @Test
    void samplesAreLabelledWithBenchmarkParamsAndThread() {
        RawProfile cpu = raw(run.profile("BubbleSortBenchmark.bubbleSort", "cpu.pb.gz"));
        for (RawProfile.Sample s : cpu.samples()) {
            assertEquals(PKG + "BubbleSortBenchmark.bubbleSort", s.labels().get("benchmark"));
            assertEquals("1000", s.labels().get("n"));
            assertTrue(
                    s.labels().getOrDefault("thread", "").contains("jmh-worker"),
                    s.labels().toString());
        }
    }

    @Test
    void jmhOutputShowsTheFilesAndTopFunctions() {
        String out = run.output();
        assertTrue(out.contains("top 10 by cpu:") && out.contains("top 10 by alloc_space:"), out);
        assertTrue(out.contains("cpu.pb.gz") && out.contains("alloc.pb.gz"), out);
        assertTrue(out.contains(":pprof.alloc.norm"), "B/op appears in the results table");
        assertTrue(
                out.lines().noneMatch(l -> l.matches(".*:pprof\\s+.*NaN.*")), "no NaN row of a text result:\n" + out);
        // The allocation sampler has a line per benchmark (its interval follows the benchmark's
        // allocation rate); the CPU sampler's is the same for every benchmark and said once.
        assertEquals(
                1,
                out.lines()
                        .filter(l ->
                                l.startsWith("  sampler: ") && !l.toLowerCase().contains("alloc"))
                        .count(),
                "the CPU sampler is said once per run:\n" + out);
        String bubble = run.workDir()
                .relativize(run.profile("BubbleSortBenchmark.bubbleSort", "cpu.pb.gz"))
                .toString();
        assertTrue(
                out.contains("  go tool pprof -http=127.0.0.1:8080 " + bubble + "\n"),
                "the command that opens the first profile:\n" + out);
    }

    @Test
    void perOperationDiffBetweenTwoBenchmarksShowsTheDifferenceInBytesPerOp() {
        Path builder = run.profile("ConcatBenchmark.builder", "alloc-per-op.pb.gz");
        Path plus = run.profile("ConcatBenchmark.plus", "alloc-per-op.pb.gz");
        String top = GoPprof.run(List.of("-top", "-diff_base=" + builder), plus).assertNoStderr();
        assertTrue(top.contains("Type: alloc_space_per_1000_ops"), "per-op is the default sample type:\n" + top);
        RawProfile diff = raw(List.of("-diff_base=" + builder), plus);
        double diffPerOp = diff.total("alloc_space_per_1000_ops") / 1000.0;
        double gcDiff = results.score(PKG + "ConcatBenchmark.plus:gc.alloc.rate.norm")
                - results.score(PKG + "ConcatBenchmark.builder:gc.alloc.rate.norm");
        assertWithin(gcDiff, diffPerOp, 0.05, "plus - builder alloc_space per op");
    }

    @Test
    void theMergedProfileOfTheRunListsEveryBenchmarkAndFocusesOnOne() {
        Path all = run.workDir().resolve("pprof/all/alloc.pb.gz");
        String tags = GoPprof.run(List.of("-tags"), all).assertNoStderr();
        for (String benchmark : BENCHMARKS) {
            assertTrue(tags.contains(PKG + benchmark), benchmark + " in -tags:\n" + tags);
        }
        RawProfile focused = raw(List.of("-tagfocus=benchmark=" + PKG + "PreallocBenchmark.presized$"), all);
        assertEquals(
                raw(run.profile("PreallocBenchmark.presized", "alloc.pb.gz")).total("alloc_space"),
                focused.total("alloc_space"));
    }

    @Test
    void theComparisonReportHasOneRowPerBenchmarkInMarkdownAndCsv() throws IOException {
        List<String> csv = Files.readAllLines(run.workDir().resolve("pprof/comparison.csv"));
        String md = Files.readString(run.workDir().resolve("pprof/comparison.md"));
        assertEquals(BENCHMARKS.size() + 1, csv.size(), String.join("\n", csv));
        for (String benchmark : BENCHMARKS) {
            String row = csv.stream()
                    .filter(l -> l.startsWith("\"" + PKG + benchmark + "\""))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError(benchmark + " in comparison.csv"));
            double bytesPerOp = Double.parseDouble(row.split(",")[4]);
            assertWithin(
                    results.score(PKG + benchmark + ":gc.alloc.rate.norm"),
                    bytesPerOp,
                    0.03,
                    benchmark + " B/op in the report");
            assertTrue(md.contains("| " + PKG + benchmark + " |"), benchmark + " in comparison.md");
        }
        assertTrue(run.output().contains("pprof comparison, per operation"), "the report is printed at the end");
    }

    private static double perOpRatio(String a, String b) {
        return perOp(a) / perOp(b);
    }

    private static double perOp(String benchmark) {
        RawProfile alloc = raw(run.profile(benchmark, "alloc.pb.gz"));
        return (double) alloc.total("alloc_space") / Long.parseLong(alloc.comment("operations"));
    }

    private static double gcRatio(String a, String b) {
        return results.score(PKG + a + ":gc.alloc.rate.norm") / results.score(PKG + b + ":gc.alloc.rate.norm");
    }

    private static void assertWithin(double expected, double actual, double tolerance, String what) {
        double error = Math.abs(actual / expected - 1);
        assertTrue(
                error <= tolerance,
                String.format(
                        "%s: got %.1f, want %.1f ±%.0f%% (off by %.2f%%)",
                        what, actual, expected, tolerance * 100, error * 100));
    }

    private static RawProfile raw(Path file) {
        return RawProfile.of(file);
    }

    private static RawProfile raw(List<String> options, Path file) {
        List<String> args = new java.util.ArrayList<>(options);
        args.add("-raw");
        return RawProfile.parse(GoPprof.run(args, file).assertNoStderr());
    }
}
