package io.github.jmhpprof.recording;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jmhpprof.alloc.AllocationCalibrator;
import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.model.ValueType;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamplerTextTest {

    private static final Samples.Allocations ALLOCATIONS = new Samples.Allocations(
            new AllocationCalibrator.Result(
                    new ProfileData(
                            List.of(new ValueType("alloc_objects", "count"), new ValueType("alloc_space", "bytes")),
                            new ValueType("space", "bytes"),
                            1,
                            "alloc_space"),
                    0,
                    true),
            4096);

    @Test
    void beforeJdk25TheAsyncSamplerSaysWhichObjectsItUndercounts() {
        String jdk17 = SamplerText.asyncAlloc(4096, "chosen for about 5000 samples", ALLOCATIONS, 17);
        assertTrue(jdk17.startsWith("async-profiler alloc (JVMTI heap sampling) every 4096 bytes"), jdk17);
        assertFalse(jdk17.contains("unbiased"), jdk17);
        assertTrue(jdk17.endsWith(SamplerText.OUTSIDE_TLAB_BIAS), jdk17);
        assertTrue(SamplerText.OUTSIDE_TLAB_BIAS.contains("JDK-8356372"));
    }

    @Test
    void fromJdk25TheAsyncSamplerIsUnbiased() {
        String jdk25 = SamplerText.asyncAlloc(4096, "chosen for about 5000 samples", ALLOCATIONS, 25);
        assertTrue(jdk25.startsWith("async-profiler alloc (JVMTI heap sampling, unbiased) every 4096 bytes"), jdk25);
        assertFalse(jdk25.contains("JDK-8356372"), jdk25);
    }
}
