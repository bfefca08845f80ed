package io.github.jmhpprof.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jmhpprof.testing.RawProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;

/** Several forks are kept and merged, warmup forks stay out, and -f 0 works in the host JVM. */
class ForksIT {

    @Test
    void threeForksAreKeptAndMergedAndWarmupForksStayOut() throws Exception {
        Path dir = JmhRuns.newOutputDir("forks");
        JmhRuns.run(JmhRuns.shortRun(WorkBenchmark.class.getName(), dir, "")
                .forks(3)
                .warmupForks(1));
        Path folder = JmhRuns.benchmarkFolder(dir, "WorkBenchmark.work");
        long forkOps = 0;
        for (int fork = 1; fork <= 3; fork++) {
            Path forkDir = folder.resolve("fork-" + fork);
            for (String file : List.of("cpu.pb.gz", "alloc.pb.gz")) {
                assertTrue(Files.isRegularFile(forkDir.resolve(file)), forkDir.resolve(file) + " kept");
            }
            forkOps +=
                    Long.parseLong(RawProfile.of(forkDir.resolve("alloc.pb.gz")).comment("operations"));
        }
        assertFalse(Files.exists(folder.resolve("fork-4")), "the warmup fork wrote nothing");
        RawProfile merged = RawProfile.of(folder.resolve("alloc.pb.gz"));
        assertEquals("3 of 3 merged", merged.comment("forks"));
        assertEquals(forkOps, Long.parseLong(merged.comment("operations")), "operations of the three forks");
        long forkBytes = 0;
        for (int fork = 1; fork <= 3; fork++) {
            forkBytes += RawProfile.of(folder.resolve("fork-" + fork + "/alloc.pb.gz"))
                    .total("alloc_space");
        }
        assertEquals(forkBytes, merged.total("alloc_space"));
    }

    @Test
    void withoutForksTheHostJvmWritesTheProfiles() throws Exception {
        Path dir = JmhRuns.newOutputDir("f0");
        Collection<RunResult> results = JmhRuns.run(
                JmhRuns.shortRun(WorkBenchmark.class.getName(), dir, "").forks(0));
        Path folder = JmhRuns.benchmarkFolder(dir, "WorkBenchmark.work");
        assertTrue(RawProfile.of(folder.resolve("cpu.pb.gz")).total("samples") > 0);
        assertTrue(RawProfile.of(folder.resolve("alloc.pb.gz")).total("alloc_space") > 0);
        assertFalse(Files.exists(folder.resolve("fork-1")), "one JVM, no fork folder");
        double bytesPerOp = results.iterator()
                .next()
                .getSecondaryResults()
                .get(BenchmarkSession.ALLOC_NORM)
                .getScore();
        assertTrue(bytesPerOp >= 4096, "a 4 KiB array per operation: " + bytesPerOp);
    }
}
