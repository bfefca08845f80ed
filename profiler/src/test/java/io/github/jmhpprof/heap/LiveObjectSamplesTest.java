package io.github.jmhpprof.heap;

import io.github.jmhpprof.model.Frame;
import io.github.jmhpprof.model.Labels;
import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.model.Sample;
import io.github.jmhpprof.model.Stack;
import io.github.jmhpprof.model.ValueType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class LiveObjectSamplesTest {

    private static final Stack KEEP = Stack.of(new Frame("org.example.Cache", "keep", "(I)[B", 30, false));

    @Test
    void hasTheInuseTypesOfGoHeapProfileWithInuseSpaceAsDefault() {
        ProfileData p = new LiveObjectSamples().toProfile(Labels.NONE);
        assertEquals(List.of(new ValueType("inuse_objects", "count"), new ValueType("inuse_space", "bytes")), p.sampleTypes());
        assertEquals(new ValueType("space", "bytes"), p.periodType());
        assertNull(p.defaultSampleType());
    }

    @Test
    void countsSampledObjectsAndTheirBytesPerStackThreadAndClass() {
        LiveObjectSamples samples = new LiveObjectSamples();
        samples.add(KEEP, "worker-1", "byte[]", 1040, true);
        samples.add(KEEP, "worker-1", "byte[]", 1040, false);
        samples.add(KEEP, "worker-1", "java.lang.String", 24, false);

        ProfileData p = samples.toProfile(Labels.of(Map.of("benchmark", "b")));

        assertEquals(3, samples.objectCount());
        assertEquals(2104, samples.bytes());
        assertEquals(1, samples.estimatedSizes());
        Sample arrays = p.samples().stream().filter(s -> "byte[]".equals(s.labels().get("object"))).findFirst().orElseThrow();
        assertArrayEquals(new long[]{2, 2080}, arrays.values());
        assertEquals(Map.of("benchmark", "b", "thread", "worker-1", "object", "byte[]"), arrays.labels().values());
    }
}
