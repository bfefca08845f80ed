package io.github.jmhpprof.jmh;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jmhpprof.testing.RawProfile;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/** {@code -prof pprof} given twice, by its short name and by its class name: one profile, no false alarm. */
class DuplicateProfilerIT {

    @Test
    void theProfilerGivenTwiceWritesOnceAndSaysNothingIsMissing() throws Exception {
        Path dir = JmhRuns.newOutputDir("twice");
        PrintedOutput.Captured<RunResult> captured = PrintedOutput.during(() -> JmhRuns.run(
                        JmhRuns.shortRun(WorkBenchmark.class.getName(), dir, "events=cpu,alloc")
                                .addProfiler("pprof", "dir=" + dir + ";events=cpu,alloc"))
                .iterator()
                .next());
        Result<?> text = captured.value().getSecondaryResults().get("pprof");
        // The summary is printed; problems come as JMH text results.
        String said = captured.printed() + (text == null ? "" : text.extendedInfo());
        assertFalse(said.contains("no profiles"), said);
        Path bench = JmhRuns.benchmarkFolder(dir, "WorkBenchmark.work");
        assertTrue(RawProfile.of(bench.resolve("cpu.pb.gz")).total("samples") > 0, said);
        int summaries = said.split("pprof profiles of ", -1).length - 1;
        assertTrue(summaries == 1, "one summary, not one per -prof:\n" + said);
    }
}
