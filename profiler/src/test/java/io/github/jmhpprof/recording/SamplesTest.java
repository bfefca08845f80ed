package io.github.jmhpprof.recording;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jmhpprof.model.Labels;
import io.github.jmhpprof.model.ProfileKind;
import io.github.jmhpprof.recording.jfr.JfrEventReader;
import io.github.jmhpprof.recording.jfr.JfrRecording;
import io.github.jmhpprof.threads.ThreadActivity;
import io.github.jmhpprof.threads.ThreadSelector;
import io.github.jmhpprof.threads.ThreadSnapshot;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class SamplesTest {

    private static volatile Object sink;

    @Test
    void readsOnlyWhatThePlanAskedForAndScalesAllocationsToExactBytes() throws Exception {
        RecordingPlan plan = RecordingPlan.of(ProfileKind.ALLOC).withAllocSamplesPerSecond(1000);
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
            Samples samples = JfrEventReader.read(jfr, plan, windows, selector);
            assertNull(samples.cpu());
            assertNull(samples.block());
            assertNull(samples.mutex());
            assertNull(samples.heap());
            assertNotNull(samples.alloc());
            Samples.Allocations allocations = samples.allocations(exact, Labels.NONE);
            assertEquals(
                    exact.totalAllocatedBytes(),
                    allocations.profile().total(1),
                    "alloc_space adds up to the exact bytes");
            assertTrue(allocations.bytesPerSample() >= 1);
            assertTrue(SamplerText.jfrAlloc(1000, allocations).startsWith("jdk.ObjectAllocationSample at most 1000/s"));
        } finally {
            Files.delete(jfr);
        }
    }

    @Test
    void onlySharesTheCollectorsOfTheKindsAskedFor() {
        Samples all = Samples.forPlan(RecordingPlan.of(EnumSet.allOf(ProfileKind.class)));
        Samples waits = all.only(EnumSet.of(ProfileKind.BLOCK, ProfileKind.MUTEX));
        assertNull(waits.cpu());
        assertNull(waits.alloc());
        assertNull(waits.heap());
        assertSame(all.block(), waits.block());
        assertSame(all.mutex(), waits.mutex());
    }

    @Test
    void samplerTextsNameTheEventAndPeriod() {
        Duration ms10 = Duration.ofMillis(10);
        assertEquals(
                "jdk.CPUTimeSample every 10ms of thread CPU time",
                SamplerText.jfrCpu(RecordingPlan.CpuEvent.CPU_TIME_SAMPLE, ms10, ms10));
        assertTrue(
                SamplerText.jfrCpu(RecordingPlan.CpuEvent.EXECUTION_SAMPLE, Duration.ofMillis(1), Duration.ofMillis(1))
                        .startsWith("jdk.ExecutionSample every 1ms (fallback"));
        assertTrue(
                SamplerText.jfrCpu(RecordingPlan.CpuEvent.CPU_TIME_SAMPLE, Duration.ofMillis(1), ms10)
                        .endsWith(
                                "another JFR recording in this JVM asked for 1ms instead of 10ms, JFR used the shorter, and so do these values"));
    }
}
