package io.github.jmhpprof.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jmhpprof.testing.GoPprof;
import io.github.jmhpprof.testing.RawProfile;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.profile.JavaFlightRecorderProfiler;
import org.openjdk.jmh.results.RunResult;

/**
 * Another JFR recording in the same JVM: JFR samples every recording at the shortest period any
 * of them asked for, so the CPU profile must weigh samples by that period, not by its own.
 */
class OtherRecordingIT {

    @Test
    void aShorterPeriodFromTheUsersRecordingIsTheOneTheProfileUses() throws Exception {
        Path dir = JmhRuns.newOutputDir("other-recording");
        Path jfc = Path.of(getClass().getResource("/execution-sample-1ms.jfc").toURI());
        Collection<RunResult> results = JmhRuns.run(JmhRuns.shortRun(
                        WorkBenchmark.class.getName(), dir, "engine=jfr;cpu=execution")
                .jvmArgsAppend("-XX:StartFlightRecording:settings=" + jfc + ",filename=" + dir.resolve("user.jfr")));
        RawProfile cpu = RawProfile.parse(GoPprof.run(
                        List.of("-raw"),
                        JmhRuns.benchmarkFolder(dir, "WorkBenchmark.work").resolve("cpu.pb.gz"))
                .assertNoStderr());
        assertTrue(
                cpu.comment("sampler").contains("another JFR recording in this JVM asked for 1ms instead of 10ms"),
                cpu.comment("sampler"));
        long samples = cpu.total("samples");
        assertEquals(samples * 1_000_000, cpu.total("cpu"), "each sample weighs 1 ms");
        double coverage = results.iterator()
                .next()
                .getSecondaryResults()
                .get(TrialAssembler.CPU_COVERAGE)
                .getScore();
        // Weighed by our 10 ms, 1 ms samples would read ~10x. jdk.ExecutionSample (JDK 17) also counts a
        // thread in Java code while the OS has it waiting for a core, so a loaded machine reads above 1.
        assertTrue(coverage > 0.2 && coverage < 5, "coverage stays plausible, not 10x: " + coverage);
    }

    @Test
    void jmhsOwnJfrProfilerAndPprofBothGetTheirFiles() throws Exception {
        Path dir = JmhRuns.newOutputDir("with-prof-jfr");
        JmhRuns.run(JmhRuns.shortRun(WorkBenchmark.class.getName(), dir, "")
                .addProfiler(JavaFlightRecorderProfiler.class, "dir=" + dir.resolve("jfr")));
        Path folder = JmhRuns.benchmarkFolder(dir, "WorkBenchmark.work");
        RawProfile cpu = RawProfile.parse(
                GoPprof.run(List.of("-raw"), folder.resolve("cpu.pb.gz")).assertNoStderr());
        assertTrue(cpu.total("samples") > 0);
        assertTrue(
                java.nio.file.Files.isRegularFile(JmhRuns.benchmarkFolder(dir.resolve("jfr"), "WorkBenchmark.work")
                        .resolve("profile.jfr")),
                "JMH's -prof jfr still writes its recording");
    }
}
