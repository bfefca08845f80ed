package io.github.jmhpprof.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.jmhpprof.testing.GoPprof;
import io.github.jmhpprof.testing.JmhCsv;
import io.github.jmhpprof.testing.RawProfile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code -prof pprof} at defaults from benchmarks.jar, which carries async-profiler through the
 * profiler's own dependency, on a platform its library loads on (the default engine then is
 * async-profiler; GroundTruthIT checks what the default gives elsewhere): CPU-time
 * samples that cover the benchmark threads' CPU time on any JDK (JFR's jdk.ExecutionSample on
 * JDK 17 sees 16 % of ConcatBenchmark.plus), and allocation profiles that add up to JMH's own
 * {@code gc.alloc.rate.norm}.
 */
class AsyncEngineIT {

    private static final String PKG = BenchmarksJar.PKG;
    private static final List<String> BENCHMARKS =
            List.of("BubbleSortBenchmark.bubbleSort", "ConcatBenchmark.plus", "PreallocBenchmark.grow");

    private static BenchmarksJar.Run run;
    private static JmhCsv results;

    @BeforeAll
    static void runWithAsyncProfiler() throws Exception {
        assumeTrue(AsyncProfilerPlatform.shipsALibraryHere(), "async-profiler ships no library for this platform");
        Path dir = BenchmarksJar.newWorkDir("async-engine");
        run = BenchmarksJar.run(
                dir,
                300,
                List.of(
                        "BubbleSortBenchmark.bubbleSort|ConcatBenchmark.plus|PreallocBenchmark.grow$",
                        "-f",
                        "1",
                        "-wi",
                        "2",
                        "-w",
                        "500ms",
                        "-i",
                        "3",
                        "-r",
                        "1s",
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
    void cpuProfileCoversTheBenchmarkThreadsCpuTime() {
        for (String benchmark : BENCHMARKS) {
            double coverage = results.score(PKG + benchmark + ":pprof.cpu.coverage");
            assertTrue(
                    coverage >= 0.9 && coverage <= 1.1,
                    benchmark + ": async-profiler samples CPU time, so the "
                            + "profile should cover 0.9-1.1 of it, got " + coverage);
        }
    }

    @Test
    void allocSpacePerOperationMatchesJmhGcProfiler() {
        for (String benchmark : BENCHMARKS) {
            RawProfile alloc = RawProfile.of(run.profile(benchmark, "alloc.pb.gz"));
            long operations = Long.parseLong(alloc.comment("operations"));
            double perOp = (double) alloc.total("alloc_space") / operations;
            double norm = results.score(PKG + benchmark + ":gc.alloc.rate.norm");
            assertTrue(
                    Math.abs(perOp / norm - 1) <= 0.03,
                    benchmark + ": alloc_space/op " + perOp + " against gc.alloc.rate.norm " + norm);
        }
    }

    @Test
    void profilesNameTheEngineAndShowNativeCodeInItsOwnMappings() {
        RawProfile cpu = RawProfile.of(run.profile("ConcatBenchmark.plus", "cpu.pb.gz"));
        assertTrue(cpu.comment("sampler").startsWith("async-profiler event=ctimer"), cpu.comment("sampler"));
        String alloc = RawProfile.of(run.profile("ConcatBenchmark.plus", "alloc.pb.gz"))
                .comment("sampler");
        assertTrue(alloc.startsWith("async-profiler alloc"), alloc);
        assertTrue(
                run.output().contains("  sampler: async-profiler alloc"), "the summary names the allocation sampler");
        assertTrue(run.output().contains("  sampler: async-profiler event=ctimer"), "and the CPU sampler");
        // Copying the strings' bytes runs in a JIT stub (native code) that JFR's sampler never shows.
        String mappings = GoPprof.run(List.of("-raw"), run.profile("ConcatBenchmark.plus", "cpu.pb.gz"))
                .assertNoStderr();
        assertTrue(mappings.contains("[native]") || mappings.contains("libjvm.so"), mappings);
        assertTrue(!mappings.contains("libasyncProfiler-"), "library names are stable between runs");
    }

    @Test
    void allocRateCapsAsyncProfilersAllocationSamples() throws Exception {
        // The default run: 1,000/s over 3 x 1 s of measurement.
        String chosen = RawProfile.of(run.profile("ConcatBenchmark.plus", "alloc.pb.gz"))
                .comment("sampler");
        assertTrue(chosen.contains("chosen for about 3000 samples"), chosen);

        Path dir = BenchmarksJar.newWorkDir("async-alloc-rate");
        BenchmarksJar.Run capped = BenchmarksJar.run(
                dir,
                120,
                BenchmarksJar.args(
                        "ConcatBenchmark.plus -f 1 -wi 1 -w 300ms -i 2 -r 500ms -prof pprof:allocRate=200/s"));
        assertEquals(0, capped.exitCode(), capped.output());
        String sampler = RawProfile.of(capped.profile("ConcatBenchmark.plus", "alloc.pb.gz"))
                .comment("sampler");
        assertTrue(sampler.contains("chosen for about 200 samples"), sampler);
    }

    @Test
    void goToolPprofReadsEveryFileWithoutComplaint() throws IOException {
        for (String benchmark : BENCHMARKS) {
            for (String file : List.of("cpu.pb.gz", "alloc.pb.gz", "cpu-per-op.pb.gz", "alloc-per-op.pb.gz")) {
                String top = GoPprof.run(List.of("-top"), run.profile(benchmark, file))
                        .assertNoStderr();
                assertTrue(top.contains("flat%"), benchmark + " " + file + ":\n" + top);
            }
        }
        String bubble = GoPprof.run(List.of("-top"), run.profile("BubbleSortBenchmark.bubbleSort", "cpu.pb.gz"))
                .assertNoStderr();
        assertTrue(bubble.contains(PKG + "BubbleSortBenchmark.bubbleSort"), bubble);
    }
}
