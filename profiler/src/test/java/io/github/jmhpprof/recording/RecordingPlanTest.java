package io.github.jmhpprof.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jmhpprof.model.ProfileKind;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class RecordingPlanTest {

    private final RecordingPlan plan = RecordingPlan.of(ProfileKind.CPU, ProfileKind.BLOCK, ProfileKind.MUTEX)
            .withCpuEvent(RecordingPlan.CpuEvent.CPU_TIME_SAMPLE)
            .withCpuInterval(Duration.ofMillis(10))
            .withBlockThreshold(Duration.ofMillis(2))
            .withMutexThreshold(Duration.ofMillis(1));

    @Test
    void namedSettingsKeepTheOthers() {
        assertTrue(plan.cpuTime());
        assertEquals(Duration.ofMillis(10), plan.cpuInterval());
        assertEquals(Duration.ofMillis(2), plan.blockThreshold());
        assertEquals(EnumSet.of(ProfileKind.CPU, ProfileKind.BLOCK, ProfileKind.MUTEX), plan.profiles());
    }

    @Test
    void blockAndMutexShareTheLowerThresholdOfTheirCommonEvents() {
        assertEquals(Duration.ofMillis(1), plan.sharedWaitThreshold());
        assertEquals(
                Duration.ofMillis(2), plan.only(EnumSet.of(ProfileKind.BLOCK)).sharedWaitThreshold());
    }

    @Test
    void onlyKeepsTheSettingsOfTheKindsLeft() {
        RecordingPlan waits = plan.only(EnumSet.of(ProfileKind.BLOCK, ProfileKind.HEAP));
        assertEquals(EnumSet.of(ProfileKind.BLOCK), waits.profiles());
        assertFalse(waits.has(ProfileKind.CPU));
        assertEquals(Duration.ofMillis(2), waits.blockThreshold());
    }
}
