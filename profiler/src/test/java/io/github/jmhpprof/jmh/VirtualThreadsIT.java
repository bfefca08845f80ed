package io.github.jmhpprof.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jmhpprof.testing.GoPprof;
import io.github.jmhpprof.testing.RawProfile;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;

/**
 * JMH's virtual-thread executor, in a JDK 25 fork: the JVM counts a virtual thread's bytes on its
 * carrier thread. With JFR, samples carry the virtual thread's name and are scaled as a whole to
 * the exact total. async-profiler (the default engine) names the carrier thread instead, and its
 * carrier's exact counter holds the virtual thread's bytes; asserted so that a change is noticed.
 * Tagged jdk25: failsafe runs it on the JDK 25 toolchain, whose java the fork uses too.
 */
@Tag("jdk25")
class VirtualThreadsIT {

    @Test
    void withJfrVirtualThreadWorkersAreNamedAndScaledAsAWhole() throws Exception {
        RunOnVirtualThreads run = runOnVirtualThreads("engine=jfr", "jfr");
        assertTrue(
                run.alloc.samples().stream()
                        .allMatch(s -> s.labels().get("thread").contains("WorkBenchmark.work-jmh-worker")),
                "samples carry the virtual thread's name");
        assertTrue(run.alloc.comment("sampler").contains("scaled as a whole"), run.alloc.comment("sampler"));
    }

    @Test
    void withTheDefaultEngineTheTotalIsExactAndSamplesNameTheCarrier() throws Exception {
        RunOnVirtualThreads run = runOnVirtualThreads("", "default");
        assertTrue(
                run.alloc.samples().stream()
                        .allMatch(s -> s.labels().get("thread").startsWith("ForkJoinPool")),
                "async-profiler names the carrier thread (docs/engines.md); a change here should update the docs");
    }

    private record RunOnVirtualThreads(RawProfile alloc) {}

    /** Runs WorkBenchmark on virtual threads; checks the exact total and that CPU was sampled. */
    private static RunOnVirtualThreads runOnVirtualThreads(String profilerOptions, String name) throws Exception {
        assertTrue(Runtime.version().feature() >= 25, "runs on JDK 25 (failsafe's it-jdk25), got " + Runtime.version());
        Path dir = JmhRuns.newOutputDir("virtual-" + name);
        Collection<RunResult> results =
                JmhRuns.run(JmhRuns.shortRun(WorkBenchmark.class.getName(), dir, profilerOptions)
                        .jvmArgsAppend("-Djmh.executor=VIRTUAL"));

        Path folder = JmhRuns.benchmarkFolder(dir, "WorkBenchmark.work");
        RawProfile alloc = RawProfile.parse(
                GoPprof.run(List.of("-raw"), folder.resolve("alloc.pb.gz")).assertNoStderr());
        double bytesPerOp = (double) alloc.total("alloc_space") / Long.parseLong(alloc.comment("operations"));
        double exact = results.iterator()
                .next()
                .getSecondaryResults()
                .get(BenchmarkSession.ALLOC_NORM)
                .getScore();
        assertEquals(exact, bytesPerOp, exact * 0.01, "alloc_space/op equals the exact B/op");
        RawProfile cpu = RawProfile.parse(
                GoPprof.run(List.of("-raw"), folder.resolve("cpu.pb.gz")).assertNoStderr());
        assertTrue(cpu.total("samples") > 0, "CPU samples of virtual threads");
        return new RunOnVirtualThreads(alloc);
    }
}
