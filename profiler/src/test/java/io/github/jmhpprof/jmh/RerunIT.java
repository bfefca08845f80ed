package io.github.jmhpprof.jmh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jmhpprof.files.FileNames;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Reruns into the same {@code dir} in real JMH hosts and forks: a rerun that is stopped, killed or
 * meets a crash's leftovers loses nothing, touches only the profiler's own files, and two runs never
 * write one {@code dir} at once.
 */
class RerunIT {

    private static final String BENCHMARK = WorkBenchmark.class.getName() + ".work";
    private static final Duration RUN = Duration.ofSeconds(120);

    @Test
    void aCrashsLeftoversAreCleanedAndOnlyOurOwnFilesAreEverRemoved() throws Exception {
        Path dir = JmhRuns.newOutputDir("rerun-leftovers");
        JmhRuns.run(JmhRuns.shortRun(BENCHMARK, dir, "events=cpu,alloc"));
        Path bench = JmhRuns.benchmarkFolder(dir, "WorkBenchmark.work");
        byte[] first = Files.readAllBytes(bench.resolve("cpu.pb.gz"));

        // What a crashed run leaves: half-written hidden files; and files that are the user's.
        Path fork1 = Files.createDirectories(bench.resolve("fork-1"));
        Files.writeString(fork1.resolve(".cpu.pb.gz.1b2c3d4e5f607182.tmp"), "half");
        Files.writeString(fork1.resolve("notes.txt"), "mine");
        Files.writeString(bench.resolve(".alloc.pb.gz.2a.tmp"), "half");
        Files.write(bench.resolve("my-baseline.pb.gz"), first);
        Path outside = JmhRuns.newOutputDir("outside");
        Files.writeString(outside.resolve("cpu.pb.gz"), "not the profiler's");
        Files.writeString(outside.resolve(FileNames.FORK_REPORT), "not the profiler's");
        Files.createSymbolicLink(bench.resolve("fork-7"), outside);
        Files.createSymbolicLink(bench.resolve("heap.pb.gz"), outside.resolve("cpu.pb.gz"));

        JmhRuns.run(JmhRuns.shortRun(BENCHMARK, dir, "events=cpu,alloc"));

        byte[] second = Files.readAllBytes(bench.resolve("cpu.pb.gz"));
        assertFalse(Arrays.equals(first, second), "the rerun wrote a new CPU profile");
        assertFalse(Files.exists(fork1.resolve(".cpu.pb.gz.1b2c3d4e5f607182.tmp")), "a crash's temp file is cleaned");
        assertFalse(Files.exists(bench.resolve(".alloc.pb.gz.2a.tmp")), "a crash's temp file is cleaned");
        assertEquals("mine", Files.readString(fork1.resolve("notes.txt")), "an unknown file in fork-1 stays");
        assertArrayEquals(first, Files.readAllBytes(bench.resolve("my-baseline.pb.gz")), "the user's baseline stays");
        assertEquals("not the profiler's", Files.readString(outside.resolve("cpu.pb.gz")), "nothing through a symlink");
        assertTrue(Files.exists(outside.resolve(FileNames.FORK_REPORT)), "nothing through a symlink");
        assertTrue(Files.isSymbolicLink(bench.resolve("fork-7")) && Files.isSymbolicLink(bench.resolve("heap.pb.gz")));
        assertFalse(Files.exists(bench.resolve(FileNames.PREVIOUS_RUN)), "the previous run's files went once replaced");
    }

    @Test
    void aRerunStoppedBeforeItsProfilesExistKeepsThePreviousOnes() throws Exception {
        Path dir = JmhRuns.newOutputDir("rerun-stopped");
        Path bench = completeRun(dir);
        byte[] before = Files.readAllBytes(bench.resolve("cpu.pb.gz"));

        try (JmhHost rerun = JmhHost.start(BENCHMARK, dir, 30, 1000)) {
            rerun.awaitOutput("Iteration   1:", RUN);
            rerun.interrupt(); // as Ctrl-C: the JVM runs its shutdown hooks
            rerun.awaitExit(RUN);
            assertArrayEquals(before, Files.readAllBytes(bench.resolve("cpu.pb.gz")), rerun.output());
        }
        assertFalse(Files.exists(bench.resolve(FileNames.PREVIOUS_RUN)), "put back, not left aside");
        String report = Files.readString(dir.resolve("comparison.md"), StandardCharsets.UTF_8);
        assertTrue(report.contains("the previous run's profiles are kept"), report);
    }

    @Test
    void oneRunPerDirAtATimeAndAKilledRunLeavesNeitherALockNorALoss() throws Exception {
        Path dir = JmhRuns.newOutputDir("rerun-locked");
        Path bench = completeRun(dir);
        byte[] before = Files.readAllBytes(bench.resolve("cpu.pb.gz"));

        try (JmhHost running = JmhHost.start(BENCHMARK, dir, 30, 1000)) {
            running.awaitOutput("Iteration   1:", RUN);
            try (JmhHost second = JmhHost.start(BENCHMARK, dir, 1, 300)) {
                second.awaitExit(RUN);
                String out = second.output();
                assertTrue(
                        out.contains("another run is writing to " + dir) && out.contains("pid " + running.pid()), out);
                assertFalse(
                        out.contains("Iteration   1:"), "the second run is refused before it runs anything:\n" + out);
            }
            running.kill(); // kill -9: no shutdown hook, nothing put back
        }
        assertArrayEquals(
                before,
                Files.readAllBytes(bench.resolve(FileNames.PREVIOUS_RUN).resolve("cpu.pb.gz")),
                "the killed rerun's predecessor is set aside, not lost");

        try (JmhHost next = JmhHost.start(BENCHMARK, dir, 1, 300)) {
            assertEquals(0, next.awaitExit(RUN), next.output());
            String out = next.output();
            assertTrue(out.contains("put back the profiles in " + bench), out);
            assertNotEquals(-1, out.indexOf("comparison, per operation"), out);
        }
        assertFalse(Files.exists(bench.resolve(FileNames.PREVIOUS_RUN)));
        assertFalse(Arrays.equals(before, Files.readAllBytes(bench.resolve("cpu.pb.gz"))), "a new profile");
    }

    /** A short run in a host of its own that ends normally; returns the benchmark's folder. */
    private static Path completeRun(Path dir) throws Exception {
        try (JmhHost first = JmhHost.start(BENCHMARK, dir, 1, 300)) {
            assertEquals(0, first.awaitExit(RUN), first.output());
        }
        return JmhRuns.benchmarkFolder(dir, "WorkBenchmark.work");
    }
}
