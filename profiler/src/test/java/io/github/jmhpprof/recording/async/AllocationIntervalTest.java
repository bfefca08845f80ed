package io.github.jmhpprof.recording.async;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AllocationIntervalTest {

    @Test
    void aLongMeasurementGetsTheTargetNumberOfSamples() {
        // 1 GB/s for a 50 s measurement: 50 GB over 20,000 samples.
        AllocationInterval i = AllocationInterval.fromWarmup(1_000_000_000L, Duration.ofSeconds(1), 50, 1000);
        assertEquals(2_500_000, i.bytes());
        assertEquals(20_000, i.expectedSamples());
    }

    @Test
    void aShortMeasurementTakesAtMostAThousandSamplesPerSecond() {
        // 1 GB/s for 1 s: 1,000 samples, not 20,000, so their cost stays like JFR's.
        AllocationInterval i = AllocationInterval.fromWarmup(500_000_000L, Duration.ofMillis(500), 1, 1000);
        assertEquals(1_000_000, i.bytes());
        assertEquals(1_000, i.expectedSamples());
    }

    @Test
    void allocRateCapsTheSamplesPerSecond() {
        // 1 GB/s for 10 s at allocRate=300/s: 3,000 samples.
        AllocationInterval i = AllocationInterval.fromWarmup(1_000_000_000L, Duration.ofSeconds(1), 10, 300);
        assertEquals(3_000, i.expectedSamples());
        assertEquals(3_333_333, i.bytes());
    }

    @Test
    void theIntervalFollowsTheRateSoTheSampleCountDoesNot() {
        long slow = AllocationInterval.fromWarmup(10_000_000L, Duration.ofSeconds(1), 20, 1000)
                .bytes();
        long fast = AllocationInterval.fromWarmup(1_000_000_000L, Duration.ofSeconds(1), 20, 1000)
                .bytes();
        assertEquals(100, fast / slow);
    }

    @Test
    void aBenchmarkThatHardlyAllocatesIsSampledEveryKilobyte() {
        assertEquals(
                AllocationInterval.MIN_BYTES,
                AllocationInterval.fromWarmup(0, Duration.ofSeconds(1), 10, 1000)
                        .bytes());
    }

    @Test
    void aMeasurementIterationsRateIsNamedAsTheBasis() {
        // 2 GB/s in a 1 s measurement iteration, for a 5 s measurement: 5,000 samples every 2 MB.
        AllocationInterval i = AllocationInterval.fromIteration(
                2_000_000_000L, Duration.ofSeconds(1), 5, 1000, "measurement iteration 1");
        assertEquals(2_000_000, i.bytes());
        assertTrue(i.basis().startsWith("chosen for about 5000 samples from measurement iteration 1's "), i.basis());
    }

    @Test
    void aRateThatMovedMoreThanTheFactorEitherWayHasDrifted() {
        AllocationInterval planned = AllocationInterval.fromWarmup(1_000_000_000L, Duration.ofSeconds(1), 5, 1000);
        AllocationInterval faster = AllocationInterval.fromWarmup(1_600_000_000L, Duration.ofSeconds(1), 5, 1000);
        AllocationInterval slower = AllocationInterval.fromWarmup(600_000_000L, Duration.ofSeconds(1), 5, 1000);
        AllocationInterval near = AllocationInterval.fromWarmup(1_400_000_000L, Duration.ofSeconds(1), 5, 1000);
        assertTrue(planned.driftedBeyond(faster, 1.5));
        assertTrue(planned.driftedBeyond(slower, 1.5));
        assertFalse(planned.driftedBeyond(near, 1.5));
        assertFalse(planned.driftedBeyond(planned, 1.5));
    }

    @Test
    void anIterationIsPlannedItsShareOfTheSamplesOrWhatItsBytesAllow() {
        // 1 GB/s for a 5 s measurement of 5 iterations: 1,000 samples an iteration.
        AllocationInterval i = AllocationInterval.fromWarmup(1_000_000_000L, Duration.ofSeconds(1), 5, 1000);
        assertEquals(1_000, i.plannedFor(1_000_000_000L, 5), 1e-9);
        assertEquals(1_000, i.plannedFor(4_000_000_000L, 5), 1e-9);
        // An iteration that allocated 10 KB: even every kilobyte gives 10 samples, so 10 are planned.
        assertEquals(10_000.0 / AllocationInterval.MIN_BYTES, i.plannedFor(10_000, 5), 1e-9);
        assertTrue(Double.isNaN(AllocationInterval.unmeasured().plannedFor(1_000_000, 5)));
    }

    @Test
    void withoutWarmupTheIntervalIsAsyncProfilersDefault() {
        assertEquals(512 * 1024, AllocationInterval.unmeasured().bytes());
    }
}
