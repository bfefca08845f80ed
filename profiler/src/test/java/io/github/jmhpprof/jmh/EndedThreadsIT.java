package io.github.jmhpprof.jmh;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;

/** A benchmark thread that ends before the last snapshot keeps its bytes, and the summary says what is not exact. */
class EndedThreadsIT {

    @Test
    void aPoolShutDownInTearDownKeepsItsBytes() throws Exception {
        Path dir = JmhRuns.newOutputDir("ended-threads");
        RunResult result = JmhRuns.run(JmhRuns.shortRun(EndingPoolBenchmark.class.getName(), dir, "events=cpu,alloc"))
                .iterator()
                .next();
        double bytesPerOp =
                result.getSecondaryResults().get(BenchmarkSession.ALLOC_NORM).getScore();
        long array = EndingPoolBenchmark.ARRAY_BYTES + 16;
        // The array on the pool's thread, plus the task, its future and the queue node (a few hundred bytes).
        assertTrue(
                bytesPerOp >= array && bytesPerOp < array + 2_000,
                "B/op " + bytesPerOp + ", want the 64 KiB array the ended pool thread allocated per operation, "
                        + array);
        String report = Files.readString(dir.resolve("comparison.csv"));
        assertTrue(report.contains("1 benchmark thread(s) ended during the measurement"), report);
    }
}
