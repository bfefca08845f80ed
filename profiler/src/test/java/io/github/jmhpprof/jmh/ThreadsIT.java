package io.github.jmhpprof.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jmhpprof.testing.RawProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every worker thread is profiled and labelled: @Threads(4) and a two-member @Group. */
class ThreadsIT {

    @Test
    void fourThreadsGiveFourThreadLabels() throws Exception {
        Path dir = JmhRuns.newOutputDir("threads");
        JmhRuns.run(JmhRuns.shortRun(ThreadsBenchmark.class.getName() + ".fourThreads", dir, ""));
        Path folder = JmhRuns.benchmarkFolder(dir, "fourThreads");
        assertEquals(4, threads(RawProfile.of(folder.resolve("cpu.pb.gz"))).size());
        assertEquals(4, threads(RawProfile.of(folder.resolve("alloc.pb.gz"))).size());
    }

    @Test
    void bothMembersOfAGroupAreProfiled() throws Exception {
        Path dir = JmhRuns.newOutputDir("group");
        JmhRuns.run(JmhRuns.shortRun(ThreadsBenchmark.class.getName() + ".pair", dir, ""));
        RawProfile cpu = RawProfile.of(
                JmhRuns.benchmarkFolder(dir, "ThreadsBenchmark.pair").resolve("cpu.pb.gz"));
        assertEquals(2, threads(cpu).size(), threads(cpu).toString());
        Set<String> leaves =
                cpu.samples().stream().map(cpu::functions).flatMap(List::stream).collect(Collectors.toSet());
        assertTrue(
                leaves.contains(ThreadsBenchmark.class.getName() + ".small")
                        && leaves.contains(ThreadsBenchmark.class.getName() + ".large"),
                leaves.toString());
    }

    private static Set<String> threads(RawProfile p) {
        return p.samples().stream().map(s -> s.labels().get("thread")).collect(Collectors.toSet());
    }
}
