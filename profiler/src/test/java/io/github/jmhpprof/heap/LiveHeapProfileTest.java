package io.github.jmhpprof.heap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jmhpprof.model.Frame;
import io.github.jmhpprof.model.Labels;
import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.model.Sample;
import io.github.jmhpprof.model.Stack;
import io.github.jmhpprof.model.ValueType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveHeapProfileTest {

    private static final Stack CACHE = Stack.of(new Frame("org.example.Cache", "keep", "(I)[B", 30, false));
    private static final Stack INDEX = Stack.of(new Frame("org.example.Index", "add", "(I)[B", 12, false));
    private static final Labels BENCHMARK = Labels.of(Map.of("benchmark", "b"));

    @Test
    void hasTheInuseTypesOfGoHeapProfileWithInuseSpaceAsDefault() {
        ProfileData p =
                LiveHeapProfile.of(new LiveObjectSamples(), null, Labels.NONE).profile();
        assertEquals(
                List.of(new ValueType("inuse_objects", "count"), new ValueType("inuse_space", "bytes")),
                p.sampleTypes());
        assertEquals(new ValueType("space", "bytes"), p.periodType());
        assertNull(p.defaultSampleType());
    }

    @Test
    void withoutAHistogramTheValuesAreTheSampledObjects() {
        LiveObjectSamples samples = new LiveObjectSamples();
        samples.add(CACHE, "worker-1", "byte[]", 4112, false);
        samples.add(CACHE, "worker-1", "byte[]", 4112, false);

        ProfileData p = LiveHeapProfile.of(samples, null, BENCHMARK).profile();

        Sample only = p.samples().get(0);
        assertArrayEquals(new long[] {2, 8224}, only.values());
        assertEquals(
                Map.of("benchmark", "b", "thread", "worker-1", "object", "byte[]"),
                only.labels().values());
    }

    @Test
    void eachClassGetsItsExactGrowthSpreadOverItsSampledSites() {
        LiveObjectSamples samples = new LiveObjectSamples();
        for (int i = 0; i < 3; i++) {
            samples.add(CACHE, "worker-1", "byte[]", 4112, false);
        }
        samples.add(INDEX, "worker-2", "byte[]", 4112, false);
        ClassHistogram growth = ClassHistogram.parse("   1:   8193   33689616  [B\n");

        ProfileData p = LiveHeapProfile.of(samples, growth, BENCHMARK).profile();

        assertArrayEquals(
                new long[] {8193, 33689616}, new long[] {p.total(0), p.total(1)}, "the class's exact growth in all");
        assertArrayEquals(new long[] {6145, 25267212}, valuesAt(p, CACHE), "three quarters of the sampled bytes");
        assertArrayEquals(new long[] {2048, 8422404}, valuesAt(p, INDEX), "one quarter");
    }

    @Test
    void aClassThatGrewWithoutASampledSiteShowsAsSuchInsteadOfVanishing() {
        ClassHistogram growth = ClassHistogram.parse("   1:   8192   33685504  [B\n");

        LiveHeapProfile heap = LiveHeapProfile.of(new LiveObjectSamples(), growth, BENCHMARK);

        Sample only = heap.profile().samples().get(0);
        assertEquals(
                "[byte[]: allocation site not sampled]", only.stack().leaf().functionName());
        assertArrayEquals(new long[] {8192, 33685504}, only.values());
        assertEquals(
                Map.of("benchmark", "b", "thread", LiveHeapProfile.UNKNOWN_THREAD, "object", "byte[]"),
                only.labels().values());
        assertEquals(33685504, heap.bytesWithoutSite());
        assertEquals(1, heap.classesWithoutSite());
        String text = heap.samplerText("jdk.OldObjectSample: 0 sampled objects", "the first warmup iteration", "");
        assertTrue(text.contains("32.13MB in 1 classes with no sampled site"), text);
    }

    @Test
    void sampledObjectsOfAClassThatGrewLessStayAsSampled() {
        LiveObjectSamples samples = new LiveObjectSamples();
        samples.add(CACHE, "worker-1", "byte[]", 4112, false);
        samples.add(CACHE, "worker-1", "byte[]", 4112, false);
        samples.add(INDEX, "worker-1", "java.lang.String", 24, false);
        ClassHistogram growth = ClassHistogram.parse("   1:   1   4112  [B\n");

        ProfileData p = LiveHeapProfile.of(samples, growth, BENCHMARK).profile();

        assertArrayEquals(new long[] {2, 8224}, valuesAt(p, CACHE), "both sampled arrays are live, whatever else died");
        assertArrayEquals(new long[] {1, 24}, valuesAt(p, INDEX), "a sampled class that did not grow keeps its sample");
    }

    private static long[] valuesAt(ProfileData p, Stack stack) {
        return p.samples().stream()
                .filter(s -> s.stack().equals(stack))
                .findFirst()
                .orElseThrow()
                .values();
    }
}
