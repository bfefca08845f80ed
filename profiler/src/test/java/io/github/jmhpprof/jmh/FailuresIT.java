package io.github.jmhpprof.jmh;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jmhpprof.testing.RawProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A benchmark that throws, one whose JVM exits and one that runs out of memory, in one run with a
 * healthy benchmark: the healthy one's profiles are intact, the failing ones keep what was
 * recorded or say why there is nothing, and no partial file is ever left visible.
 */
class FailuresIT {

    @Test
    void failingBenchmarksLoseNothingElseAndSayWhat() throws Exception {
        Path dir = JmhRuns.newOutputDir("failures");
        JmhRuns.run(JmhRuns.shortRun(FailingBenchmarks.class.getName() + "|" + WorkBenchmark.class.getName(), dir, "")
                .jvmArgsAppend("-Xmx256m"));

        Path work = JmhRuns.benchmarkFolder(dir, "WorkBenchmark.work");
        assertTrue(RawProfile.of(work.resolve("cpu.pb.gz")).total("samples") > 0, "the healthy benchmark is intact");
        assertTrue(RawProfile.of(work.resolve("alloc.pb.gz")).total("alloc_space") > 0);

        Path midway = JmhRuns.benchmarkFolder(dir, "throwsMidway");
        RawProfile partial = RawProfile.of(midway.resolve("alloc.pb.gz"));
        assertTrue(partial.total("alloc_space") > 0, "the iterations before the failure are kept");

        List<String> report = Files.readAllLines(dir.resolve("comparison.csv"));
        assertTrue(
                row(report, "throwsMidway").contains("the benchmark failed in measurement iteration 2"),
                row(report, "throwsMidway"));
        assertTrue(
                row(report, "exitsJvm").contains("no profiles: its fork 1 of 1 ended early"), row(report, "exitsJvm"));
        String oom = row(report, "runsOutOfMemory");
        assertTrue(oom.contains("failed in measurement iteration 1") || oom.contains("ended early"), oom);

        try (Stream<Path> files = Files.walk(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".tmp")), "no temp file left visible");
        }
    }

    private static String row(List<String> csv, String benchmark) {
        return csv.stream()
                .filter(l -> l.contains("." + benchmark + "\""))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + benchmark + " in " + csv));
    }
}
