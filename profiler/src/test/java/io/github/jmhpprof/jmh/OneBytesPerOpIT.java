package io.github.jmhpprof.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;

/** The comparison table's exact B/op is the figure JMH prints as pprof.alloc.norm, however uneven the iterations. */
class OneBytesPerOpIT {

    @Test
    void comparisonTableAndAllocNormAgreeWhenIterationsDiffer() throws Exception {
        Path dir = JmhRuns.newOutputDir("one-bytes-per-op");
        RunResult result = JmhRuns.run(JmhRuns.shortRun(UnevenIterationsBenchmark.class.getName(), dir, "events=alloc")
                        .measurementIterations(4))
                .iterator()
                .next();
        double allocNorm =
                result.getSecondaryResults().get(BenchmarkSession.ALLOC_NORM).getScore();
        List<String> csv = Files.readAllLines(dir.resolve("comparison.csv"));
        assertEquals(2, csv.size(), csv.toString());
        List<String> header = List.of(csv.get(0).split(","));
        double table = Double.parseDouble(csv.get(1).split(",")[header.indexOf("B/op")]);
        // Half the iterations allocate ~65,552 B/op, half 64: the mean is near 32,800 whatever the
        // operation counts, while bytes ÷ operations would be pulled towards 64 by the fast ones.
        assertTrue(allocNorm > 30_000 && allocNorm < 36_000, "pprof.alloc.norm " + allocNorm);
        assertEquals(
                allocNorm,
                table,
                allocNorm * 1e-4,
                "comparison.csv B/op " + table + " vs pprof.alloc.norm " + allocNorm);
    }
}
