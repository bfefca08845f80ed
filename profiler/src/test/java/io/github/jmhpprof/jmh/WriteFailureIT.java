package io.github.jmhpprof.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Collection;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;

/**
 * The output root stops being writable between forks, in real JMH forks. JMH drops a profiler
 * whose constructor throws in a fork and averages its missing figures as zeros: B/op must stay
 * right (it comes from exact counters, which need no disk), and the reason the fork wrote nothing
 * must reach the host's summary, named as the fork saw it.
 */
class WriteFailureIT {

    @Test
    void aDirThatTurnsUnwritableMidRunLeavesBytesPerOpRightAndSaysWhy() throws Exception {
        Path dir = JmhRuns.newOutputDir("turns-unwritable").resolve("pprof");
        Collection<RunResult> results =
                JmhRuns.run(JmhRuns.shortRun(WorkBenchmark.class.getName(), dir, "events=cpu,alloc")
                        .forks(3)
                        .addProfiler(GCProfiler.class)
                        .addProfiler(DirTurnsUnwritable.class, dir.toString()));

        RunResult run = results.iterator().next();
        double exact = run.getSecondaryResults().get("gc.alloc.rate.norm").getScore();
        double ours = run.getSecondaryResults().get(BenchmarkSession.ALLOC_NORM).getScore();
        assertEquals(exact, ours, exact * 0.05, "pprof.alloc.norm against -prof gc's gc.alloc.rate.norm");

        Result<?> text = run.getSecondaryResults().get("pprof");
        String said = text == null ? "" : text.extendedInfo();
        assertTrue(
                said.contains("fork 2 of 3 wrote no profiles: cannot write " + dir) && said.contains("Not a directory"),
                said);
        assertTrue(said.contains("fork 3 of 3 wrote no profiles"), said);
    }
}
