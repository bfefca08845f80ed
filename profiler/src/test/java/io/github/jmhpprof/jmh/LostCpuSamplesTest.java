package io.github.jmhpprof.jmh;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jmhpprof.cpu.CpuSamples;
import io.github.jmhpprof.model.Frame;
import io.github.jmhpprof.model.Labels;
import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.model.ProfileKind;
import io.github.jmhpprof.model.Stack;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** A CPU profile with a quarter of its samples lost: coverage reads 1.00, and the summary must say why that is not the whole truth. */
class LostCpuSamplesTest {

    private static final long PERIOD = 10_000_000;

    private static ForkReport report(long kept, long lost) {
        long cpu = (kept + lost) * PERIOD;
        return new ForkReport(
                new ForkReport.Work(1000, 0, cpu, cpu),
                new ForkReport.Cpu(cpu, kept, lost, "jdk.CPUTimeSample every 10ms"),
                ForkReport.Memory.NONE,
                ForkReport.Output.NONE,
                new ForkReport.Score(1, 1, "us/op"),
                new ForkReport.Score(0, 0, "B/op"),
                new ForkReport.Outcome("", ""));
    }

    private static ProfileData profile(long kept, long lost) {
        CpuSamples samples = new CpuSamples();
        for (int i = 0; i < kept; i++) {
            samples.add(Stack.of(Frame.synthetic("work")), "worker-1");
        }
        samples.addLost("worker-1", lost);
        return samples.toProfile(new Labels(new TreeMap<>(Map.of("benchmark", "b"))), Duration.ofNanos(PERIOD));
    }

    private static String summary(long kept, long lost) {
        return new Summary("b-AverageTime", Path.of("pprof/b"), 1, 1)
                .text(Map.of(ProfileKind.CPU, profile(kept, lost)), report(kept, lost), "");
    }

    @Test
    void aQuarterLostIsAWarningAndCoverageShowsTheSplit() {
        String summary = summary(75, 25);
        assertTrue(summary.contains("coverage: 1.00 (0.75 with stacks, 0.25 lost samples without)"), summary);
        assertTrue(summary.contains("WARNING: 25% of the CPU samples were lost"), summary);
        assertTrue(
                ComparisonRows.of(JmhParams.of("b"), Map.of(ProfileKind.CPU, profile(75, 25)), report(75, 25), "")
                        .note()
                        .startsWith("25% of the CPU samples were lost"),
                "the comparison report's note says so too");
    }

    @Test
    void aFewLostAreShownButNotWarnedAbout() {
        String summary = summary(99, 1);
        assertTrue(summary.contains("(+1 lost, kept as [lost samples])"), summary);
        assertFalse(summary.contains("WARNING"), summary);
    }
}
