package io.github.jmhpprof.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.jmhpprof.model.Frame;
import io.github.jmhpprof.model.Stack;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiveObjectSamplesTest {

    private static final Stack KEEP = Stack.of(new Frame("org.example.Cache", "keep", "(I)[B", 30, false));

    @Test
    void countsSampledObjectsAndTheirBytesPerStackThreadAndClass() {
        LiveObjectSamples samples = new LiveObjectSamples();
        samples.add(KEEP, "worker-1", "byte[]", 1040, true);
        samples.add(KEEP, "worker-1", "byte[]", 1040, false);
        samples.add(KEEP, "worker-1", "java.lang.String", 24, false);

        assertEquals(3, samples.objectCount());
        assertEquals(2104, samples.bytes());
        assertEquals(1, samples.estimatedSizes());
        List<LiveObjectSamples.Entry> arrays = samples.entries().stream()
                .filter(e -> e.objectClass().equals("byte[]"))
                .toList();
        assertEquals(List.of(new LiveObjectSamples.Entry(KEEP, "worker-1", "byte[]", 2, 2080)), arrays);
    }
}
