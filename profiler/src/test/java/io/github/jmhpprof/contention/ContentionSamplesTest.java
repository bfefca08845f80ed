package io.github.jmhpprof.contention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.github.jmhpprof.model.Frame;
import io.github.jmhpprof.model.Labels;
import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.model.Sample;
import io.github.jmhpprof.model.Stack;
import io.github.jmhpprof.model.ValueType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContentionSamplesTest {

    private static final Stack TAKE =
            Stack.of(new Frame("java.util.concurrent.ArrayBlockingQueue", "take", "()Ljava/lang/Object;", 420, false));
    private static final Stack PUT =
            Stack.of(new Frame("java.util.concurrent.ArrayBlockingQueue", "put", "(Ljava/lang/Object;)V", 370, false));
    private static final String CONDITION = "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject";

    @Test
    void hasGoBlockAndMutexSampleTypesWithDelayAsDefault() {
        ProfileData p = new ContentionSamples(Duration.ZERO).toProfile(Labels.NONE);
        assertEquals(
                List.of(new ValueType("contentions", "count"), new ValueType("delay", "nanoseconds")), p.sampleTypes());
        assertEquals(new ValueType("contentions", "count"), p.periodType());
        assertEquals(1, p.period());
        assertNull(p.defaultSampleType(), "pprof then shows the last type, delay, as for Go's profiles");
    }

    @Test
    void eachWaitIsOneContentionWithItsDelayAddedUpPerStackThreadAndLock() {
        ContentionSamples samples = new ContentionSamples(Duration.ZERO);
        samples.add(TAKE, "consumer", CONDITION, 1_000);
        samples.add(TAKE, "consumer", CONDITION, 3_000);
        samples.add(PUT, "producer", CONDITION, 500);
        samples.add(PUT, "producer", null, 700);

        ProfileData p = samples.toProfile(Labels.of(Map.of("benchmark", "b")));

        assertEquals(4, samples.contentions());
        assertEquals(5_200, samples.delayNanos());
        assertEquals(3, p.samples().size());
        Sample take = p.samples().stream()
                .filter(s -> s.stack().equals(TAKE))
                .findFirst()
                .orElseThrow();
        assertArrayEquals(new long[] {2, 4_000}, take.values());
        assertEquals(
                Map.of("benchmark", "b", "thread", "consumer", "lock", CONDITION),
                take.labels().values());
        Sample noLock = p.samples().stream()
                .filter(s -> s.labels().get("lock") == null)
                .findFirst()
                .orElseThrow();
        assertArrayEquals(new long[] {1, 700}, noLock.values(), "a wait on no named object has no lock label");
    }

    @Test
    void waitsBelowTheThresholdAreLeftOutAndCounted() {
        ContentionSamples samples = new ContentionSamples(Duration.ofNanos(10_000));
        samples.add(TAKE, "consumer", CONDITION, 9_999);
        samples.add(TAKE, "consumer", CONDITION, 10_000);
        assertEquals(1, samples.contentions());
        assertEquals(10_000, samples.delayNanos());
        assertEquals(1, samples.belowThreshold());
    }
}
