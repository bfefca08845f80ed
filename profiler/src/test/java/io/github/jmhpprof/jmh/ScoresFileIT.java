package io.github.jmhpprof.jmh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jmhpprof.compare.BenchmarkScores;
import io.github.jmhpprof.files.FileNames;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.RunResult;

/** scores.properties holds exactly the iteration scores JMH reported, fork by fork, and no fork folder keeps a stray file. */
class ScoresFileIT {

    @Test
    void holdsJmhsOwnIterationScoresForkByFork() throws Exception {
        Path dir = JmhRuns.newOutputDir("scores");
        Collection<RunResult> results = JmhRuns.run(JmhRuns.shortRun(WorkBenchmark.class.getName() + ".work", dir, "")
                .forks(2));
        RunResult result = results.iterator().next();
        Path folder = JmhRuns.benchmarkFolder(dir, "WorkBenchmark.work");
        BenchmarkScores scores = BenchmarkScores.read(folder.resolve(FileNames.SCORES));

        List<BenchmarkResult> forks = new ArrayList<>(result.getBenchmarkResults());
        assertEquals(forks.size(), scores.forks().size());
        for (int f = 0; f < forks.size(); f++) {
            double[] jmh = forks.get(f).getIterationResults().stream()
                    .mapToDouble(i -> i.getPrimaryResult().getScore())
                    .toArray();
            assertArrayEquals(jmh, scores.forks().get(f).scores(), "fork " + (f + 1));
            long ops = forks.get(f).getIterationResults().stream()
                    .mapToLong(i -> i.getMetadata().getAllOps())
                    .sum();
            assertEquals(ops, scores.forks().get(f).operations(), "fork " + (f + 1));
            assertTrue(scores.forks().get(f).cpuProfileNanos() > 0);
        }
        assertEquals(WorkBenchmark.class.getName() + ".work", scores.benchmark());
        assertEquals(result.getParams().getMode().shortLabel(), scores.mode());
        assertEquals(result.getPrimaryResult().getScoreUnit(), scores.unit());
    }

    @Test
    void withOneForkTheForkFolderGoesAndTheScoresStay() throws Exception {
        Path dir = JmhRuns.newOutputDir("scores1");
        JmhRuns.run(JmhRuns.shortRun(WorkBenchmark.class.getName() + ".work", dir, ""));
        Path folder = JmhRuns.benchmarkFolder(dir, "WorkBenchmark.work");
        assertFalse(
                Files.exists(folder.resolve("fork-1")), "a single fork's folder is removed, iterations file included");
        assertEquals(
                2,
                BenchmarkScores.read(folder.resolve(FileNames.SCORES))
                        .forks()
                        .get(0)
                        .scores()
                        .length);
    }
}
