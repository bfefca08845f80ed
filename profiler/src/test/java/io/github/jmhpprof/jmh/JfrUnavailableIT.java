package io.github.jmhpprof.jmh;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;

/** With engine=jfr, a fork with JFR disabled says so instead of writing empty profiles, and still reports exact B/op. */
class JfrUnavailableIT {

    @Test
    void disabledJfrGivesAClearReasonAndNoEmptyProfile() throws Exception {
        Path dir = JmhRuns.newOutputDir("nojfr");
        // The summary is printed (not a JMH result, which would add a NaN row to JMH's table): read it there.
        PrintedOutput.Captured<Collection<RunResult>> captured = PrintedOutput.during(
                () -> JmhRuns.run(JmhRuns.shortRun(WorkBenchmark.class.getName(), dir, "engine=jfr")
                        .jvmArgsAppend("-XX:-FlightRecorder")));
        Collection<RunResult> results = captured.value();
        Path folder = JmhRuns.benchmarkFolder(dir, "WorkBenchmark.work");
        assertFalse(Files.exists(folder.resolve("cpu.pb.gz")), "no empty profile");
        String report = Files.readString(dir.resolve("comparison.csv"));
        assertTrue(report.contains("no profiles: JDK Flight Recorder is not available"), report);
        RunResult result = results.iterator().next();
        String summary = captured.printed();
        assertNull(result.getSecondaryResults().get("pprof"), "no text result in JMH's table");
        assertTrue(summary.contains("no profiles: JDK Flight Recorder is not available"), summary);
        assertTrue(
                result.getSecondaryResults().get(BenchmarkSession.ALLOC_NORM).getScore() >= 4096, "B/op without JFR");
    }
}
