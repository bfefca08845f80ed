package io.github.jmhpprof.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForkReportTest {

    private static ForkReport fork(long ops, String sampler, String failure, String note, long millis) {
        return new ForkReport(
                new ForkReport.Work(ops, 10 * ops, 3 * ops, 4 * ops),
                new ForkReport.Cpu(2 * ops, ops / 10, 1, sampler),
                new ForkReport.Memory(ops / 100, ops / 50, failure.isEmpty() ? "alloc " + sampler : "", 5000),
                new ForkReport.Output(millis, 123),
                new ForkReport.Score(1.5, 2, "us/op"),
                new ForkReport.Score(0.1 + 0.2, 2, "B/op"),
                new ForkReport.Outcome(failure, note));
    }

    @Test
    void writtenAndReadBackUnchanged(@TempDir Path dir) throws Exception {
        ForkReport report = fork(1000, "jdk.CPUTimeSample every 10ms; a=b\nc", "", "ünïcode note", 7);
        Path file = dir.resolve("fork.properties");
        report.write(file);
        assertEquals(report, ForkReport.read(file));
    }

    @Test
    void forksAddUpPartByPart() {
        ForkReport sum = ForkReport.sum(List.of(
                fork(1000, "first", "", "a", 7),
                fork(3000, "second", "it failed", "", 9),
                fork(2000, "third", "later failure", "b", 8)));
        assertEquals(new ForkReport.Work(6000, 60000, 18000, 24000), sum.work());
        assertEquals(new ForkReport.Cpu(12000, 600, 3, "first"), sum.cpu());
        assertEquals(new ForkReport.Memory(60, 120, "alloc first", 15000), sum.memory());
        assertEquals(new ForkReport.Output(9, 369), sum.output());
        assertEquals(new ForkReport.Score(4.5, 6, "us/op"), sum.score());
        assertEquals(new ForkReport.Outcome("it failed", "a; b"), sum.outcome());
        assertEquals(0.75, sum.meanScore(), 1e-12);
    }
}
