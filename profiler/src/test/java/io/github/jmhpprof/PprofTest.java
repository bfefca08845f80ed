package io.github.jmhpprof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.model.Sample;
import io.github.jmhpprof.pprof.PprofDecoder;
import io.github.jmhpprof.proto.Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PprofTest {

    /** The background recording keeps JFR's old-object sampler busy: other tests in this JVM need it stopped. */
    @AfterEach
    void stopBackgroundRecording() {
        Pprof.stopRecording();
    }

    private static volatile Object sink;
    private static final List<byte[]> RETAINED = new ArrayList<>();

    @Test
    void theCpuProfileSeesABusyThreadAndASecondStartIsRefused() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Pprof.startCpuProfile(out);
        try {
            assertThrows(
                    Pprof.CpuProfileInUseException.class, () -> Pprof.startCpuProfile(new ByteArrayOutputStream()));
            Thread busy = new Thread(PprofTest::spinFor500Millis, "busy-worker-1");
            busy.start();
            busy.join();
        } finally {
            Pprof.stopCpuProfile();
        }
        ProfileData cpu = decode(out.toByteArray());
        assertEquals("cpu", cpu.sampleTypes().get(1).type());
        assertTrue(cpu.durationNanos() >= 500_000_000L, "duration " + cpu.durationNanos());
        long busyNanos = cpu.samples().stream()
                .filter(s -> "busy-worker-1".equals(s.labels().get("thread")))
                .filter(s -> hasFrame(s, "spinFor500Millis"))
                .mapToLong(s -> s.values()[1])
                .sum();
        assertTrue(
                busyNanos >= 50_000_000L,
                "CPU time in spinFor500Millis: " + busyNanos + " of " + cpu.total(1) + " in "
                        + cpu.samples().stream()
                                .map(s -> s.labels().get("thread") + " "
                                        + s.stack().leaf().methodName())
                                .toList());
        assertTrue(
                cpu.samples().stream().noneMatch(s -> s.labels().get("thread").startsWith("JFR ")), "no JFR threads");
    }

    @Test
    void stoppingWithoutAStartDoesNothingAndAStartAfterAStopWorks() throws Exception {
        Pprof.stopCpuProfile();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Pprof.startCpuProfile(out);
        Pprof.stopCpuProfile();
        assertTrue(out.size() > 0);
        Pprof.stopCpuProfile();
    }

    @Test
    void theAllocsProfileCountsExactBytesSinceTheRecordingStarted() throws Exception {
        Pprof.startRecording();
        // The exact bytes come from live threads: this one stays alive until the profile is written.
        CountDownLatch allocated = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread allocator = new Thread(
                () -> {
                    allocate64MiB();
                    allocated.countDown();
                    awaitRelease(release);
                },
                "allocating-worker-1");
        allocator.start();
        allocated.await();
        ProfileData allocs;
        long inMethod;
        long deadline = System.nanoTime() + 10_000_000_000L;
        try {
            // The samples arrive as JFR flushes its stream, about once a second.
            do {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                Pprof.lookup("allocs").writeTo(out, 0);
                allocs = decode(out.toByteArray());
                inMethod = allocs.samples().stream()
                        .filter(s -> hasFrame(s, "allocate64MiB"))
                        .mapToLong(s -> s.values()[1])
                        .sum();
            } while (inMethod < 1L << 20 && System.nanoTime() < deadline && sleep(200));
        } finally {
            release.countDown();
            allocator.join();
        }
        assertEquals("alloc_space", allocs.defaultSampleType());
        // Exactly 64 MiB only when every sampled thread is still alive: other tests' threads that
        // ended have no exact count, and then all samples are scaled together (see the sampler comment).
        assertTrue(inMethod >= 1L << 20, "alloc_space in allocate64MiB: " + inMethod);
        assertTrue(
                allocs.comments().stream().anyMatch(c -> c.startsWith("sampler: jdk.ObjectAllocationSample")),
                allocs.comments().toString());
    }

    @Test
    void theThreadsProfileCountsThreadsPerStack() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> parked = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Thread t = new Thread(() -> awaitRelease(release), "parked-worker-" + i);
            t.start();
            parked.add(t);
        }
        try {
            long count = 0;
            for (int attempt = 0; attempt < 50 && count < 3; attempt++) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                Pprof.lookup("threads").writeTo(out, 0);
                count = decode(out.toByteArray()).samples().stream()
                        .filter(s -> "parked-worker-#".equals(s.labels().get("thread")) && hasFrame(s, "awaitRelease"))
                        .mapToLong(s -> s.values()[0])
                        .sum();
                Thread.sleep(20);
            }
            assertEquals(3, count);
        } finally {
            release.countDown();
            for (Thread t : parked) {
                t.join();
            }
        }
    }

    @Test
    void theHeapBlockAndMutexProfilesDecode() throws Exception {
        Pprof.startRecording();
        for (int i = 0; i < 2000; i++) {
            RETAINED.add(new byte[16 * 1024]);
        }
        ByteArrayOutputStream heap = new ByteArrayOutputStream();
        Pprof.writeHeapProfile(heap);
        ProfileData live = decode(heap.toByteArray());
        assertEquals("inuse_space", live.sampleTypes().get(1).type());
        long arrays = live.samples().stream()
                .filter(s -> "byte[]".equals(s.labels().get("object")))
                .mapToLong(s -> s.values()[1])
                .sum();
        assertTrue(
                arrays >= 2000L * 16 * 1024, "the 2,000 arrays of 16 kB held since the recording started: " + arrays);
        ByteArrayOutputStream block = new ByteArrayOutputStream();
        Pprof.lookup("block").writeTo(block, 0);
        assertEquals("delay", decode(block.toByteArray()).sampleTypes().get(1).type());
        ByteArrayOutputStream mutex = new ByteArrayOutputStream();
        Pprof.lookup("mutex").writeTo(mutex, 0);
        assertEquals(
                "contentions", decode(mutex.toByteArray()).sampleTypes().get(0).type());
    }

    @Test
    void everyProfileButCpuIsFoundByItsNameAsInGo() throws Exception {
        assertEquals(
                List.of("allocs", "heap", "block", "mutex", "threads"),
                Pprof.profiles().stream().map(Pprof.Profile::name).toList());
        for (Pprof.Profile p : Pprof.profiles()) {
            assertSame(p, Pprof.lookup(p.name()));
        }
        assertSame(Pprof.lookup("threads"), Pprof.lookup("goroutine"), "Go's name for it");
        assertNull(Pprof.lookup("profile"), "the CPU profile covers a span of time: start and stop it");
        assertNull(Pprof.lookup("cmdline"));
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        Pprof.lookup("goroutine").writeTo(text, 1);
        assertTrue(
                text.toString(StandardCharsets.UTF_8).startsWith("threads profile: total "),
                text.toString(StandardCharsets.UTF_8));
        ByteArrayOutputStream proto = new ByteArrayOutputStream();
        Pprof.lookup("threads").writeTo(proto, 0);
        assertEquals("threads", decode(proto.toByteArray()).sampleTypes().get(0).type());
        ByteArrayOutputStream none = new ByteArrayOutputStream();
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> Pprof.lookup("threads").writeTo(none, 2));
        assertEquals("debug must be 0 (pprof protobuf) or 1 (text), got 2", e.getMessage());
        assertEquals(0, none.size(), "nothing written");
    }

    static ProfileData decode(byte[] gzipped) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            return PprofDecoder.decode(Profile.parseFrom(in));
        }
    }

    private static boolean hasFrame(Sample sample, String method) {
        return sample.stack().frames().stream().anyMatch(f -> f.methodName().equals(method));
    }

    private static void spinFor500Millis() {
        long end = System.nanoTime() + 500_000_000L;
        long x = 0;
        // Mostly arithmetic: JDK 17's jdk.ExecutionSample drops samples taken inside System.nanoTime.
        while (System.nanoTime() < end) {
            for (int i = 0; i < 1_000_000; i++) {
                x += x * 31 + i;
            }
        }
        sink = x;
    }

    /** At least 64 MiB over at least 600 ms: JFR throttles allocation samples per second. */
    private static void allocate64MiB() {
        long total = 0;
        long end = System.nanoTime() + 600_000_000L;
        while (total < 64L << 20 || System.nanoTime() < end) {
            for (int i = 0; i < 1024; i++) {
                byte[] b = new byte[1024];
                total += b.length;
                sink = b;
            }
        }
    }

    private static boolean sleep(long millis) throws InterruptedException {
        Thread.sleep(millis);
        return true;
    }

    private static void awaitRelease(CountDownLatch release) {
        try {
            release.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
