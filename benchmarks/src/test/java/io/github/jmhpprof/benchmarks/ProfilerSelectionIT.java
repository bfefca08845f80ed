package io.github.jmhpprof.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** How users find and configure the profiler from the command line of benchmarks.jar. */
class ProfilerSelectionIT {

    @Test
    void lprofListsPprofWithADescription() throws Exception {
        BenchmarksJar.Run run = BenchmarksJar.run(BenchmarksJar.newWorkDir("lprof"), 120, List.of("-lprof"));
        String line = run.output()
                .lines()
                .filter(l -> l.trim().startsWith("pprof:"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("pprof not listed:\n" + run.output()));
        assertTrue(line.contains("pprof CPU and allocation profiles") && line.contains("(discovered)"), line);
    }

    @Test
    void helpPrintsEveryOptionWithItsDefault() throws Exception {
        BenchmarksJar.Run run =
                BenchmarksJar.run(BenchmarksJar.newWorkDir("help"), 120, List.of("BubbleSort", "-prof", "pprof:help"));
        for (String option : List.of(
                "dir=",
                "events=",
                "interval=",
                "allocRate=",
                "stackDepth=",
                "cpu=",
                "jvmCpu=",
                "blockThreshold=",
                "mutexThreshold=",
                "heapSamples=",
                "engine=")) {
            assertTrue(run.output().contains(option), option + " in help:\n" + run.output());
        }
        assertTrue(run.output().contains("(default: 10ms)"), run.output());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "pprof:interval=10parsecs | option 'interval' has a bad value '10parsecs'",
                "pprof:events=cpu,disk    | option 'events' has a bad value 'cpu,disk'",
                "pprof:color=red          | unknown option 'color'",
                "pprof:allocRate=-5/s     | option 'allocRate' has a bad value '-5/s'",
            })
    void badOptionsStopTheRunBeforeAnyBenchmark(String profiler, String message) throws Exception {
        Path dir = BenchmarksJar.newWorkDir("bad-option");
        BenchmarksJar.Run run = BenchmarksJar.run(dir, 120, List.of("BubbleSort", "-f", "1", "-prof", profiler));
        assertNotEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains(message), run.output());
        assertFalse(run.output().contains("# Warmup Iteration"), "no benchmark ran:\n" + run.output());
        assertFalse(Files.exists(dir.resolve("pprof")), "nothing written");
    }

    @Test
    void aFileWhereTheOutputDirectoryShouldBeStopsTheRunBeforeAnyBenchmark() throws Exception {
        Path dir = BenchmarksJar.newWorkDir("dir-is-file");
        Files.writeString(dir.resolve("out"), "not a directory");
        BenchmarksJar.Run run = BenchmarksJar.run(dir, 120, List.of("BubbleSort", "-f", "1", "-prof", "pprof:dir=out"));
        assertNotEquals(0, run.exitCode(), run.output());
        assertTrue(run.output().contains("which is a file, not a directory"), run.output());
        assertFalse(run.output().contains("# Warmup Iteration"), run.output());
        assertEquals("not a directory", Files.readString(dir.resolve("out")), "the file is untouched");
    }
}
