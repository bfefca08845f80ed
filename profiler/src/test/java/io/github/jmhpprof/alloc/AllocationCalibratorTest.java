package io.github.jmhpprof.alloc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jmhpprof.model.Frame;
import io.github.jmhpprof.model.Labels;
import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.model.Sample;
import io.github.jmhpprof.model.Stack;
import io.github.jmhpprof.threads.ThreadActivity;
import io.github.jmhpprof.threads.ThreadSnapshot;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AllocationCalibratorTest {

    private static final Stack GROW = Stack.of(new Frame("org.example.Buf", "grow", "()V", 12, false));
    private static final Stack SMALL = Stack.of(new Frame("org.example.Buf", "small", "()V", 40, false));

    @Test
    void bytesAddUpToTheExactCountPerThreadAndKeepTheProportions() {
        AllocationSamples samples = new AllocationSamples();
        samples.add(1, "w1", GROW, "byte[]", 3_000);
        samples.add(1, "w1", SMALL, "java.lang.Integer", 1_000);
        ThreadActivity activity = activity(Map.of(1L, 8_000L));

        ProfileData p = AllocationCalibrator.calibrate(samples, activity.byThread(), Labels.NONE, 1)
                .profile();

        assertEquals(8_000, p.total(p.indexOf("alloc_space")));
        assertEquals(6_000, bytesAt(p, GROW));
        assertEquals(2_000, bytesAt(p, SMALL));
    }

    @Test
    void samplesThatKnowTheirObjectsSizeCountObjectsPerSiteScaledAsTheirBytes() {
        AllocationSamples samples = new AllocationSamples();
        // Two samples of 48 KB buffers standing for 100 KB each: 2 x 100,000 / 49,152 objects.
        samples.addSized(1, "w1", GROW, "byte[]", 100_000, 49_152);
        samples.addSized(1, "w1", GROW, "byte[]", 100_000, 49_152);
        // One sample of a 24-byte object standing for 100 KB: 4,166.7 objects.
        samples.addSized(1, "w1", SMALL, "Small", 100_000, 24);
        // The exact count is 1.5x the samples' 300 KB: every site's bytes and objects grow by 1.5.
        ProfileData p = AllocationCalibrator.calibrate(
                        samples, activity(Map.of(1L, 450_000L)).byThread(), Labels.NONE, 1)
                .profile();
        assertEquals(Math.round(1.5 * 200_000 / 49_152.0), objectsAt(p, GROW));
        assertEquals(Math.round(1.5 * 100_000 / 24.0), objectsAt(p, SMALL));
        assertEquals(300_000, bytesAt(p, GROW));
    }

    @Test
    void roundingNeverLosesBytesNorRoundsSmallSitesAway() {
        AllocationSamples samples = new AllocationSamples();
        for (int i = 0; i < 7; i++) {
            samples.add(1, "w1", Stack.of(new Frame("c", "m" + i, "()V", i, false)), "byte[]", 1);
        }
        ProfileData p = AllocationCalibrator.calibrate(
                        samples, activity(Map.of(1L, 10L)).byThread(), Labels.NONE, 1)
                .profile();
        assertEquals(10, p.total(p.indexOf("alloc_space")));
        for (Sample s : p.samples()) {
            assertTrue(s.values()[1] >= 1, "each site keeps at least a byte: " + s);
        }
    }

    @Test
    void aThreadWithoutSamplesShowsAsUnsampledNotAsNothing() {
        AllocationSamples samples = new AllocationSamples();
        samples.add(1, "w1", GROW, "byte[]", 100);
        ProfileData p = AllocationCalibrator.calibrate(
                        samples, activity(Map.of(1L, 100L, 2L, 50L)).byThread(), Labels.NONE, 1)
                .profile();
        assertEquals(150, p.total(1));
        assertEquals(50, bytesAt(p, Stack.of(AllocationCalibrator.UNSAMPLED)));
    }

    @Test
    void samplesOfThreadsWithoutTheirOwnCountAreScaledTogetherToTheExactTotal() {
        AllocationSamples samples = new AllocationSamples();
        samples.add(7, "virtual-1", GROW, "byte[]", 300);
        samples.add(8, "virtual-2", SMALL, "byte[]", 100);
        // The JVM counts virtual threads' bytes on their carrier thread (id 1), which has no samples.
        AllocationCalibrator.Result r = AllocationCalibrator.calibrate(
                samples, activity(Map.of(1L, 8_000L)).byThread(), Labels.NONE, 1);
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
        ProfileData p = AllocationCalibrator.calibrate(
                        samples, activity(Map.of(1L, 10_240L)).byThread(), Labels.NONE, 1)
                .profile();
        assertEquals(10, p.total(p.indexOf("alloc_objects")));
    }

    private static long bytesAt(ProfileData p, Stack stack) {
        return valueAt(p, stack, 1);
    }

    private static long objectsAt(ProfileData p, Stack stack) {
        return valueAt(p, stack, 0);
    }

    private static long valueAt(ProfileData p, Stack stack, int index) {
        return p.samples().stream()
                .filter(s -> s.stack().equals(stack))
                .mapToLong(s -> s.values()[index])
                .sum();
    }

    /** Activity with the given exact bytes per thread id, as two snapshots would give it. */
    private static ThreadActivity activity(Map<Long, Long> bytesByThread) {
        ThreadActivity activity = new ThreadActivity();
        activity.addIteration(
                ThreadSnapshot.of(Map.of()),
                ThreadSnapshot.of(bytesByThread.entrySet().stream()
                        .collect(java.util.stream.Collectors.toMap(
                                Map.Entry::getKey,
                                e -> new ThreadSnapshot.Counters("w" + e.getKey(), e.getValue(), 0)))));
        return activity;
    }
}
