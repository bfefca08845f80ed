package io.github.jmhpprof.cpu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CpuSamplePeriodTest {

    private static final Duration ONE_MS = Duration.ofMillis(1);
    private static final long TWENTY_SECONDS = 20_000_000_000L;

    @Test
    void aTimerThatFiredOncePerTickCountsEachSampleAsTheTimeBetweenSamples() {
        // 20 s of CPU and 5,000 samples at interval=1ms: a 250 Hz kernel fired every 4 ms.
        CpuSamplePeriod period = CpuSamplePeriod.of(ONE_MS, true, TWENTY_SECONDS, 5_000);

        assertEquals(Duration.ofMillis(4), period.perSample());
        assertFalse(period.kept());
        assertTrue(period.note().contains("every 4ms of CPU time on average instead of every 1ms"), period.note());
        assertTrue(period.note().contains("each sample counts 4ms"), period.note());
    }

    @Test
    void aTimerThatKeptItsPeriodIsLeftAsAsked() {
        CpuSamplePeriod period = CpuSamplePeriod.of(ONE_MS, true, TWENTY_SECONDS, 19_000);

        assertEquals(ONE_MS, period.perSample());
        assertTrue(period.kept());
        assertEquals("", period.note());
    }

    @Test
    void aSamplerThatIsNoCpuTimerKeepsThePeriodAsAskedEvenWithFewSamples() {
        // jdk.ExecutionSample misses native code and stubs: fewer samples mean missed time, not a longer period.
        assertTrue(CpuSamplePeriod.of(ONE_MS, false, TWENTY_SECONDS, 5_000).kept());
    }

    @Test
    void fromTheLongestKernelTickOnThePeriodIsAlwaysKept() {
        // Threads that run in bursts shorter than a tick are sampled less: coverage says so, no reweighting.
        assertTrue(CpuSamplePeriod.of(Duration.ofMillis(10), true, TWENTY_SECONDS, 500)
                .kept());
    }

    @Test
    void tooFewSamplesMeasureNoPeriod() {
        assertTrue(CpuSamplePeriod.of(ONE_MS, true, 400_000_000L, 99).kept());
        assertFalse(CpuSamplePeriod.of(ONE_MS, true, 400_000_000L, 100).kept());
    }
}
