package io.github.jmhpprof.recording.jfr;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jmhpprof.alloc.AllocationSamples;
import io.github.jmhpprof.cpu.CpuSamples;
import io.github.jmhpprof.model.ProfileKind;
import io.github.jmhpprof.recording.MeasurementWindows;
import io.github.jmhpprof.recording.RecordingPlan;
import io.github.jmhpprof.recording.Samples;
import io.github.jmhpprof.threads.ThreadSelector;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The profiler's memory after reading a recording grows with the number of distinct stacks, not
 * with the length of the run: a run five times longer, at a 1 ms interval, holds about the same.
 * Prints the figures the README quotes.
 */
class LongRunMemoryTest {

    private record Reading(long events, int entries, long retainedBytes, long fileBytes) {}

    @Test
    void memoryAfterReadingDoesNotGrowWithTheLengthOfTheRun() throws Exception {
        Reading shortRun = recordAndRead(Duration.ofSeconds(1));
        Reading longRun = recordAndRead(Duration.ofSeconds(5));
        System.out.printf(
                Locale.ROOT,
                "1 ms interval: 1 s run: %d events, %d KB recording, %d entries and about %d KB"
                        + " held after reading; 5 s run: %d events, %d KB recording, %d entries and about %d KB held%n",
                shortRun.events,
                shortRun.fileBytes / 1024,
                shortRun.entries,
                shortRun.retainedBytes / 1024,
                longRun.events,
                longRun.fileBytes / 1024,
                longRun.entries,
                longRun.retainedBytes / 1024);
        assertTrue(
                longRun.events >= 3 * shortRun.events,
                "the long run has many more events: " + longRun + " vs " + shortRun);
        assertTrue(
                longRun.entries <= 1.5 * shortRun.entries + 50,
                "entries held do not follow the event count: " + longRun + " vs " + shortRun);
        assertTrue(
                longRun.retainedBytes <= 2 * shortRun.retainedBytes + 512 * 1024,
                "held memory does not follow the event count: " + longRun + " vs " + shortRun);
    }

    private static Reading recordAndRead(Duration length) throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        Thread worker = new Thread(
                () -> {
                    long sink = 0;
                    while (running.get()) {
                        sink += Workload.step(sink);
                    }
                    System.out.print(sink == 42 ? "" : "");
                },
                "memory-test-worker");
        MeasurementWindows windows = new MeasurementWindows();
        RecordingPlan plan = RecordingPlan.of(ProfileKind.CPU, ProfileKind.ALLOC)
                .withCpuInterval(Duration.ofMillis(1))
                .withAllocSamplesPerSecond(1000);
        JfrRecording recording = JfrRecording.start(plan);
        worker.start();
        windows.open(Instant.now());
        Thread.sleep(length.toMillis());
        windows.close(Instant.now());
        running.set(false);
        worker.join();
        Path file = recording.stopAndDump();
        recording.close();
        try {
            long before = usedHeapAfterGc();
            Samples samples = JfrEventReader.read(
                    file,
                    plan,
                    windows,
                    new ThreadSelector(Thread.currentThread().getId()));
            CpuSamples cpu = samples.cpu();
            AllocationSamples alloc = samples.alloc();
            long after = usedHeapAfterGc();
            long events = cpu.sampleCount() + alloc.sampleCount();
            Reading reading = new Reading(
                    events,
                    cpu.distinctEntries() + alloc.distinctEntries(),
                    Math.max(0, after - before),
                    Files.size(file));
            // keep the collectors reachable until measured
            assertTrue(cpu.sampleCount() >= 0 && alloc.sampleCount() >= 0);
            return reading;
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** A few call paths with some allocation, like a small benchmark. */
    static final class Workload {
        static long step(long seed) {
            return (seed & 1) == 0 ? left(seed) : right(seed);
        }

        private static long left(long seed) {
            long[] a = new long[64];
            for (int i = 0; i < a.length; i++) {
                a[i] = seed * 31 + i;
            }
            return a[(int) (seed & 63)];
        }

        private static long right(long seed) {
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                sb.append(seed + i);
            }
            return sb.length();
        }
    }
}
