package io.github.jmhpprof.jmh;

import io.github.jmhpprof.testing.GoPprof;
import io.github.jmhpprof.testing.RawProfile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * JMH's virtual-thread executor, in a JDK 25 fork: the JVM counts a virtual thread's bytes on its
 * carrier thread. With JFR, samples carry the virtual thread's name and are scaled as a whole to
 * the exact total. async-profiler (the default engine) names the carrier thread instead, and its
 * carrier's exact counter holds the virtual thread's bytes; asserted so that a change is noticed.
 */
class VirtualThreadsIT {

    @Test
    void withJfrVirtualThreadWorkersAreNamedAndScaledAsAWhole() throws Exception {
        RunOnVirtualThreads run = runOnVirtualThreads("engine=jfr", "jfr");
        assertTrue(run.alloc.samples().stream().allMatch(s -> s.labels().get("thread").contains("WorkBenchmark.work-jmh-worker")),
                "samples carry the virtual thread's name");
        assertTrue(run.alloc.comment("sampler").contains("scaled as a whole"), run.alloc.comment("sampler"));
    }

    @Test
    void withTheDefaultEngineTheTotalIsExactAndSamplesNameTheCarrier() throws Exception {
        RunOnVirtualThreads run = runOnVirtualThreads("", "default");
        assertTrue(run.alloc.samples().stream().allMatch(s -> s.labels().get("thread").startsWith("ForkJoinPool")),
                "async-profiler names the carrier thread (docs/engines.md); a change here should update the docs");
    }

    private record RunOnVirtualThreads(RawProfile alloc) {
    }

    /** Runs WorkBenchmark on virtual threads; checks the exact total and that CPU was sampled. */
    private static RunOnVirtualThreads runOnVirtualThreads(String profilerOptions, String name) throws Exception {
        // Only ./test.sh skips it, on a developer machine without a JDK 25, and it says so; CI never does.
        Assumptions.assumeFalse(Boolean.getBoolean("skip.jdk25"), "no JDK 25 on this machine (test.sh warned)");
        String jdk25 = System.getProperty("jdk25.java");
        assertTrue(jdk25 != null && Files.isExecutable(Path.of(jdk25)), "needs a JDK 25 at -Djdk25.java, got " + jdk25);
        Path dir = JmhRuns.newOutputDir("virtual-" + name);
        Collection<RunResult> results = JmhRuns.run(JmhRuns.shortRun(WorkBenchmark.class.getName(), dir, profilerOptions)
                .jvm(jdk25).jvmArgsAppend("-Djmh.executor=VIRTUAL"));

        Path folder = JmhRuns.benchmarkFolder(dir, "WorkBenchmark.work");
        RawProfile alloc = RawProfile.parse(GoPprof.run(List.of("-raw"), folder.resolve("alloc.pb.gz")).assertNoStderr());
        double bytesPerOp = (double) alloc.total("alloc_space") / Long.parseLong(alloc.comment("operations"));
        double exact = results.iterator().next().getSecondaryResults().get(BenchmarkSession.ALLOC_NORM).getScore();
        assertEquals(exact, bytesPerOp, exact * 0.01, "alloc_space/op equals the exact B/op");
        RawProfile cpu = RawProfile.parse(GoPprof.run(List.of("-raw"), folder.resolve("cpu.pb.gz")).assertNoStderr());
        assertTrue(cpu.total("samples") > 0, "CPU samples of virtual threads");
        return new RunOnVirtualThreads(alloc);
    }
}
