package io.github.jmhpprof.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.jmhpprof.testing.RawProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * async-profiler loads but refuses to start: the fork's temporary folder has a comma in its path,
 * where async-profiler cannot write its recording (it splits its arguments at commas). At defaults
 * ({@code engine=auto}) JFR then records the profiles and the summary says why; with
 * {@code engine=async} the benchmark gets no profiles and the summary says why and what to do.
 */
class AsyncFallbackIT {

    @Test
    void engineAutoFallsBackToJfrAndSaysWhy() throws Exception {
        assumeTrue(AsyncProfilerPlatform.shipsALibraryHere(), "async-profiler ships no library for this platform");
        BenchmarksJar.Run run = runWithCommaInTmpdir("auto", "pprof");
        assertEquals(0, run.exitCode(), run.output());
        assertTrue(
                run.output().contains("async-profiler did not start (")
                        && run.output().contains("so JFR recorded the CPU and allocation profiles"),
                run.output());
        assertTrue(run.output().contains("set java.io.tmpdir to a directory without one"), run.output());
        RawProfile alloc = RawProfile.of(run.profile("ConcatBenchmark.plus", "alloc.pb.gz"));
        String allocSampler = alloc.comment("sampler");
        assertTrue(
                allocSampler.startsWith("jdk.ObjectAllocationSample")
                        && allocSampler.contains("did not start here (the run's note says why)"),
                allocSampler);
        assertTrue(alloc.total("alloc_space") > 0, "the JFR allocation profile has the bytes");
        RawProfile cpu = RawProfile.of(run.profile("ConcatBenchmark.plus", "cpu.pb.gz"));
        assertTrue(cpu.comment("sampler").startsWith("jdk."), cpu.comment("sampler"));
    }

    @Test
    void engineAsyncWritesNoProfilesAndSaysWhy() throws Exception {
        assumeTrue(AsyncProfilerPlatform.shipsALibraryHere(), "async-profiler ships no library for this platform");
        BenchmarksJar.Run run = runWithCommaInTmpdir("async", "pprof:engine=async");
        assertTrue(run.output().contains("set java.io.tmpdir to a directory without one"), run.output());
        Path folder = run.workDir().resolve("pprof");
        if (!Files.exists(folder)) {
            return;
        }
        try (var files = Files.walk(folder)) {
            assertFalse(
                    files.anyMatch(p -> p.toString().endsWith(".pb.gz")),
                    "no profile may be written when the chosen engine did not record:\n" + run.output());
        }
    }

    private static BenchmarksJar.Run runWithCommaInTmpdir(String name, String prof) throws Exception {
        Path dir = BenchmarksJar.newWorkDir("async-fallback-" + name);
        Path tmp = Files.createDirectories(dir.resolve("tmp,with-comma"));
        List<String> args = new ArrayList<>(
                BenchmarksJar.args("ConcatBenchmark.plus -f 1 -wi 1 -w 300ms -i 1 -r 300ms -prof " + prof));
        args.addAll(List.of("-jvmArgsAppend", "-Djava.io.tmpdir=" + tmp));
        return BenchmarksJar.run(dir, 180, args);
    }
}
