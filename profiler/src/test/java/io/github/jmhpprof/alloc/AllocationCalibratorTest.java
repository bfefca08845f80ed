package io.github.jmhpprof.alloc;

import io.github.jmhpprof.model.Frame;
import io.github.jmhpprof.model.Labels;
import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.model.Sample;
import io.github.jmhpprof.model.Stack;
import io.github.jmhpprof.threads.ThreadActivity;
import io.github.jmhpprof.threads.ThreadSnapshot;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AllocationCalibratorTest {

    private static final Stack GROW = Stack.of(new Frame("org.example.Buf", "grow", "()V", 12, false));
    private static final Stack SMALL = Stack.of(new Frame("org.example.Buf", "small", "()V", 40, false));

    @Test
    void bytesAddUpToTheExactCountPerThreadAndKeepTheProportions() {
        AllocationSamples samples = new AllocationSamples();
        samples.add(1, "w1", GROW, "byte[]", 3_000);
        samples.add(1, "w1", SMALL, "java.lang.Integer", 1_000);
        ThreadActivity activity = activity(Map.of(1L, 8_000L));

        ProfileData p = AllocationCalibrator.calibrate(samples, activity.byThread(), Labels.NONE, 1).profile();

        assertEquals(8_000, p.total(p.indexOf("alloc_space")));
        assertEquals(6_000, bytesAt(p, GROW));
        assertEquals(2_000, bytesAt(p, SMALL));
    }

    @Test
    void roundingNeverLosesBytesNorRoundsSmallSitesAway() {
        AllocationSamples samples = new AllocationSamples();
        for (int i = 0; i < 7; i++) {
            samples.add(1, "w1", Stack.of(new Frame("c", "m" + i, "()V", i, false)), "byte[]", 1);
        }
        ProfileData p = AllocationCalibrator.calibrate(samples, activity(Map.of(1L, 10L)).byThread(), Labels.NONE, 1).profile();
        assertEquals(10, p.total(p.indexOf("alloc_space")));
        for (Sample s : p.samples()) {
            assertTrue(s.values()[1] >= 1, "each site keeps at least a byte: " + s);
        }
    }

    @Test
    void aThreadWithoutSamplesShowsAsUnsampledNotAsNothing() {
        AllocationSamples samples = new AllocationSamples();
        samples.add(1, "w1", GROW, "byte[]", 100);
        ProfileData p = AllocationCalibrator.calibrate(samples, activity(Map.of(1L, 100L, 2L, 50L)).byThread(),
                Labels.NONE, 1).profile();
        assertEquals(150, p.total(1));
        assertEquals(50, bytesAt(p, Stack.of(AllocationCalibrator.UNSAMPLED)));
    }

    @Test
    void samplesOfThreadsWithoutTheirOwnCountAreScaledTogetherToTheExactTotal() {
        AllocationSamples samples = new AllocationSamples();
        samples.add(7, "virtual-1", GROW, "byte[]", 300);
        samples.add(8, "virtual-2", SMALL, "byte[]", 100);
        // The JVM counts virtual threads' bytes on their carrier thread (id 1), which has no samples.
        AllocationCalibrator.Result r = AllocationCalibrator.calibrate(samples, activity(Map.of(1L, 8_000L)).byThread(), Labels.NONE, 1);
        assertEquals(false, r.perThread());
        assertEquals(8_000, r.profile().total(1));
        assertEquals(6_000, bytesAt(r.profile(), GROW));
        assertEquals(0, bytesAt(r.profile(), Stack.of(AllocationCalibrator.UNSAMPLED)), "no carrier-only stack");
    }

    @Test
    void objectsAreEstimatedFromObjectSizesSeenAtRefills() {
        AllocationSamples samples = new AllocationSamples();
        samples.add(1, "w1", GROW, "byte[]", 1_000);
        samples.addObjectSize("byte[]", 1_024);
        samples.addObjectSize("byte[]", 1_024);
        ProfileData p = AllocationCalibrator.calibrate(samples, activity(Map.of(1L, 10_240L)).byThread(), Labels.NONE, 1).profile();
        assertEquals(10, p.total(p.indexOf("alloc_objects")));
    }

    private static long bytesAt(ProfileData p, Stack stack) {
        return p.samples().stream().filter(s -> s.stack().equals(stack)).mapToLong(s -> s.values()[1]).sum();
    }

    /** Activity with the given exact bytes per thread id, as two snapshots would give it. */
    private static ThreadActivity activity(Map<Long, Long> bytesByThread) {
        ThreadActivity activity = new ThreadActivity();
        activity.addIteration(ThreadSnapshot.of(Map.of()), ThreadSnapshot.of(bytesByThread.entrySet().stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
                        e -> new ThreadSnapshot.Counters("w" + e.getKey(), e.getValue(), 0)))));
        return activity;
    }
}
