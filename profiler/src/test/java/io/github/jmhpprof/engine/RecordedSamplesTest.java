package io.github.jmhpprof.engine;

import io.github.jmhpprof.jfr.JfrRecording;
import io.github.jmhpprof.jfr.MeasurementWindows;
import io.github.jmhpprof.jfr.RecordingPlan;
import io.github.jmhpprof.threads.ThreadActivity;
import io.github.jmhpprof.threads.ThreadSelector;
import io.github.jmhpprof.threads.ThreadSnapshot;
import io.github.jmhpprof.model.Labels;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordedSamplesTest {

    private static volatile Object sink;

    @Test
    void readsOnlyWhatThePlanAskedForAndScalesAllocationsToExactBytes() throws Exception {
        RecordingPlan plan = new RecordingPlan(false, false, Duration.ofMillis(10), true, 1000);
        ThreadSelector selector = ThreadSelector.allButSystem();
        ThreadSnapshot.checkSupported();
        MeasurementWindows windows = new MeasurementWindows();
        ThreadActivity exact = new ThreadActivity();
        Path jfr;
        try (JfrRecording recording = JfrRecording.start(plan)) {
            ThreadSnapshot before = ThreadSnapshot.take(selector);
            windows.open(Instant.now());
            for (int i = 0; i < 20_000; i++) {
                sink = new byte[1024];
            }
            windows.close(Instant.now());
            exact.addIteration(before, ThreadSnapshot.take(selector));
            jfr = recording.stopAndDump();
        }
        try {
            RecordedSamples samples = RecordedSamples.read(jfr, plan, windows, selector);
            assertNull(samples.cpu());
            assertNull(samples.block());
            assertNull(samples.mutex());
            assertNull(samples.heap());
            assertNotNull(samples.alloc());
            RecordedSamples.Allocations allocations = samples.allocations(exact, Labels.NONE);
            assertEquals(exact.totalAllocatedBytes(), allocations.profile().total(1), "alloc_space adds up to the exact bytes");
            assertTrue(allocations.bytesPerSample() >= 1);
            assertTrue(RecordedSamples.allocSamplerText(1000, allocations).startsWith("jdk.ObjectAllocationSample at most 1000/s"));
        } finally {
            Files.delete(jfr);
        }
    }

    @Test
    void samplerTextsNameTheEventAndPeriod() {
        assertEquals("jdk.CPUTimeSample every 10ms of thread CPU time",
                RecordedSamples.cpuSamplerText(true, Duration.ofMillis(10)));
        assertTrue(RecordedSamples.cpuSamplerText(false, Duration.ofMillis(1)).startsWith("jdk.ExecutionSample every 1ms (fallback"));
    }
}
