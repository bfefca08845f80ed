package io.github.jmhpprof.recording.jfr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jmhpprof.contention.ContentionSamples;
import io.github.jmhpprof.model.Frame;
import io.github.jmhpprof.model.Labels;
import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.model.ProfileKind;
import io.github.jmhpprof.model.Sample;
import io.github.jmhpprof.recording.MeasurementWindows;
import io.github.jmhpprof.recording.RecordingPlan;
import io.github.jmhpprof.recording.Samples;
import io.github.jmhpprof.threads.ThreadSelector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

/**
 * Real JFR recordings of this JVM, read back: which waits go to the block and the mutex profile.
 * The test thread plays JMH's driver thread. (Which live objects the heap profile keeps is
 * checked end to end in ContentionHeapThreadsProfileIT: in this shared test JVM, JFR's
 * old-object sampler gave no sample at all in some full builds.)
 */
class JfrEventReaderWaitsTest {

    private static final Duration HOLD = Duration.ofMillis(50);

    private final MeasurementWindows windows = new MeasurementWindows();
    private final ThreadSelector selector =
            new ThreadSelector(Thread.currentThread().getId());

    @Test
    void lockWaitsGoToBothProfilesAndOtherWaitsToTheBlockProfileOnly() throws Exception {
        RecordingPlan plan = RecordingPlan.of(ProfileKind.BLOCK, ProfileKind.MUTEX)
                .withBlockThreshold(Duration.ZERO)
                .withMutexThreshold(Duration.ZERO);
        Samples samples = Samples.forPlan(plan);
        ContentionSamples block = samples.block();
        ContentionSamples mutex = samples.mutex();
        Path jfr;
        try (JfrRecording recording = JfrRecording.start(plan)) {
            windows.open(Instant.now());
            contendOnMonitor();
            contendOnReentrantLock();
            waitOnEmptyQueue();
            windows.close(Instant.now());
            jfr = recording.stopAndDump();
        }
        try {
            new JfrEventReader(EventSource.jfr(plan), windows, selector, samples).read(jfr);
        } finally {
            Files.delete(jfr);
        }
        ProfileData blockProfile = block.toProfile(Labels.NONE);
        ProfileData mutexProfile = mutex.toProfile(Labels.NONE);

        assertTrue(delayThrough(mutexProfile, "enterMonitor") >= HOLD.toNanos() / 2, "synchronized wait in mutex");
        assertTrue(delayThrough(mutexProfile, "lockReentrant") >= HOLD.toNanos() / 2, "ReentrantLock wait in mutex");
        assertEquals(0, delayThrough(mutexProfile, "takeFromQueue"), "a queue's take is no lock wait");
        for (String method : List.of("enterMonitor", "lockReentrant", "takeFromQueue")) {
            assertTrue(delayThrough(blockProfile, method) >= HOLD.toNanos() / 2, method + " in block");
        }
        assertTrue(
                mutexProfile.samples().stream()
                        .anyMatch(s -> "java.lang.Object".equals(s.labels().get("lock"))),
                "the monitor's class labels the wait");
    }

    @Test
    void waitsOutsideTheMeasurementWindowsDoNotCount() throws Exception {
        RecordingPlan plan = RecordingPlan.of(ProfileKind.BLOCK).withBlockThreshold(Duration.ZERO);
        Samples samples = Samples.forPlan(plan);
        ContentionSamples block = samples.block();
        Path jfr;
        try (JfrRecording recording = JfrRecording.start(plan)) {
            waitOnEmptyQueue();
            windows.open(Instant.now());
            windows.close(Instant.now());
            jfr = recording.stopAndDump();
        }
        try {
            new JfrEventReader(EventSource.jfr(plan), windows, selector, samples).read(jfr);
        } finally {
            Files.delete(jfr);
        }
        assertEquals(0, delayThrough(block.toProfile(Labels.NONE), "takeFromQueue"));
    }

    private static long delayThrough(ProfileData profile, String method) {
        return profile.samples().stream()
                .filter(s -> through(s, method))
                .mapToLong(s -> s.values()[1])
                .sum();
    }

    private static boolean through(Sample sample, String method) {
        return sample.stack().frames().stream().map(Frame::methodName).anyMatch(method::equals);
    }

    private static void contendOnMonitor() throws InterruptedException {
        Object monitor = new Object();
        CountDownLatch held = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            synchronized (monitor) {
                held.countDown();
                sleep(HOLD);
            }
        });
        holder.start();
        held.await();
        Thread waiter = new Thread(() -> enterMonitor(monitor));
        waiter.start();
        holder.join();
        waiter.join();
    }

    private static void enterMonitor(Object monitor) {
        synchronized (monitor) {
            monitor.hashCode();
        }
    }

    private static void contendOnReentrantLock() throws InterruptedException {
        ReentrantLock lock = new ReentrantLock();
        CountDownLatch held = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            lock.lock();
            try {
                held.countDown();
                sleep(HOLD);
            } finally {
                lock.unlock();
            }
        });
        holder.start();
        held.await();
        Thread waiter = new Thread(() -> lockReentrant(lock));
        waiter.start();
        holder.join();
        waiter.join();
    }

    private static void lockReentrant(ReentrantLock lock) {
        lock.lock();
        lock.unlock();
    }

    private static void waitOnEmptyQueue() throws InterruptedException {
        BlockingQueue<String> queue = new ArrayBlockingQueue<>(1);
        Thread consumer = new Thread(() -> takeFromQueue(queue));
        consumer.start();
        sleep(HOLD);
        queue.put("item");
        consumer.join();
    }

    private static void takeFromQueue(BlockingQueue<String> queue) {
        try {
            queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
