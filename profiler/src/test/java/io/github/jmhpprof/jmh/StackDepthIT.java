package io.github.jmhpprof.jmh;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jmhpprof.testing.GoPprof;
import io.github.jmhpprof.testing.RawProfile;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Deep stacks in a real JMH fork: whole when within stackDepth, marked [truncated] when cut. */
class StackDepthIT {

    /**
     * JFR's stacks: async-profiler's (the default engine here) showed one descend frame too many
     * (202) in one run of this test, a frame it repeats now and then; so the exact count is JFR's.
     */
    @Test
    void aStack200DeepIsWholeInTraces() throws Exception {
        Path dir = JmhRuns.newOutputDir("depth200");
        JmhRuns.run(JmhRuns.shortRun(RecursionBenchmark.class.getName(), dir, "events=cpu;engine=jfr")
                .param("depth", "200"));
        Path cpu = JmhRuns.benchmarkFolder(dir, "RecursionBenchmark.recurse").resolve("cpu.pb.gz");
        String traces = GoPprof.run(List.of("-traces"), cpu).assertNoStderr();
        assertTrue(!traces.contains("[truncated]"), "no stack is cut at 200 frames");
        RawProfile raw = RawProfile.parse(GoPprof.run(List.of("-raw"), cpu).assertNoStderr());
        long deepest = raw.samples().stream()
                .mapToLong(
                        s -> Collections.frequency(raw.functions(s), RecursionBenchmark.class.getName() + ".descend"))
                .max()
                .orElse(0);
        // At least descend(200) .. descend(0): a sample taken in an inlined scope can carry one more
        // descend frame than the call depth (JFR reports the scope and its caller), so not exactly 201.
        assertTrue(deepest >= 201, "descend(200) .. descend(0) all in one trace, got " + deepest);
    }

    @Test
    void aStackDeeperThanStackDepthEndsInTruncated() throws Exception {
        Path dir = JmhRuns.newOutputDir("depth300");
        JmhRuns.run(JmhRuns.shortRun(RecursionBenchmark.class.getName(), dir, "events=cpu;stackDepth=128")
                .param("depth", "300"));
        RawProfile raw = RawProfile.parse(GoPprof.run(
                        List.of("-raw"),
                        JmhRuns.benchmarkFolder(dir, "RecursionBenchmark.recurse")
                                .resolve("cpu.pb.gz"))
                .assertNoStderr());
        assertTrue(
                raw.samples().stream().anyMatch(s -> {
                    List<String> f = raw.functions(s);
                    return f.get(f.size() - 1).equals("[truncated]");
                }),
                "cut stacks end in a [truncated] root frame");
    }
}
