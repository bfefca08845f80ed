package io.github.jmhpprof;

import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.pprof.ProfileFiles;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;

/**
 * Profiles of this JVM in pprof format, in the style of Go's {@code runtime/pprof}, for any Java
 * program: no JMH needed. The engine is the JMH profiler's (JDK Flight Recorder, calibrated to exact
 * per-thread counters); each method writes one gzip-compressed pprof profile.
 *
 * <ul>
 *   <li><b>CPU</b>: {@link #startCpuProfile} … {@link #stopCpuProfile}, as Go's
 *       {@code StartCPUProfile}/{@code StopCPUProfile}: every thread but the JVM's system threads
 *       and JFR's own, sampled every {@value #CPU_INTERVAL_MILLIS} ms. One at a time.</li>
 *   <li><b>allocs</b>, <b>block</b>, <b>mutex</b>: since the <em>background recording</em> started.
 *       Go counts from the start of the process; a JVM records nothing until asked, so these count
 *       from {@link #startRecording()}, which {@link PprofServer} calls when it starts and any of
 *       these methods calls on first use (that first profile is then nearly empty). Call it early,
 *       e.g. in {@code main}, to count from there.</li>
 *   <li><b>heap</b>: the objects live after a full GC that grew since the background recording
 *       started, exact per class (the class histogram), spread over the allocation sites that
 *       JFR's old-object sampler kept for each class.</li>
 *   <li><b>threads</b>: the stacks of all live threads now, counted per stack, as Go's goroutine
 *       profile. A thread leak shows as one stack with a large count.</li>
 * </ul>
 * The background recording samples allocations (at most {@value #ALLOC_SAMPLES_PER_SECOND}/s) and
 * waits of at least {@value #WAIT_THRESHOLD_MILLIS} ms, streamed from JFR as it flushes (about once
 * a second) and added up per stack: a profile's cost grows with the program's distinct stacks, not
 * with the time since the start or the profiles made before.
 */
public final class Pprof {

    /** The CPU sampling period, Go's 100 Hz. */
    public static final int CPU_INTERVAL_MILLIS = 10;
    /** JFR's throttle for allocation samples in the background recording. */
    public static final int ALLOC_SAMPLES_PER_SECOND = 100;
    /** The shortest wait the block and mutex profiles record. */
    public static final int WAIT_THRESHOLD_MILLIS = 1;

    static final Duration CPU_INTERVAL = Duration.ofMillis(CPU_INTERVAL_MILLIS);
    static final Duration WAIT_THRESHOLD = Duration.ofMillis(WAIT_THRESHOLD_MILLIS);

    /** Thrown by {@link #startCpuProfile} while another CPU profile runs, as Go's "cpu profiling already in use". */
    public static final class CpuProfileInUseException extends IllegalStateException {
        CpuProfileInUseException() {
            super("cpu profiling already in use");
        }
    }

    private static final Object LOCK = new Object();
    private static CpuProfile cpu;
    private static BackgroundRecording background;

    private Pprof() {
    }

    /**
     * Starts the CPU profile; {@link #stopCpuProfile()} writes it to {@code out}.
     *
     * @throws CpuProfileInUseException while another CPU profile runs
     * @throws IllegalStateException    with the reason when this JVM has no usable JFR
     */
    public static void startCpuProfile(OutputStream out) {
        synchronized (LOCK) {
            if (cpu != null) {
                throw new CpuProfileInUseException();
            }
            cpu = CpuProfile.start(out);
        }
    }

    /** Stops the CPU profile and writes it to the stream given to {@link #startCpuProfile}; does nothing when none runs. */
    public static void stopCpuProfile() throws IOException {
        CpuProfile running = takeCpuProfile();
        if (running != null) {
            running.stopAndWrite();
        }
    }

    /** Stops the CPU profile without writing it (its client went away); does nothing when none runs. */
    static void discardCpuProfile() {
        CpuProfile running = takeCpuProfile();
        if (running != null) {
            running.discard();
        }
    }

    /** The running CPU profile, or null; from here on, another may start. */
    private static CpuProfile takeCpuProfile() {
        synchronized (LOCK) {
            CpuProfile running = cpu;
            cpu = null;
            return running;
        }
    }

    /**
     * Starts the background recording behind the allocs, heap, block and mutex profiles, if it
     * has not started yet: they count from here.
     *
     * @throws IllegalStateException with the reason when this JVM has no usable JFR or per-thread counters
     */
    public static void startRecording() {
        background();
    }

    /**
     * Stops the background recording, if it runs, and lets JFR drop what it holds; the next
     * profile that needs it starts a new one, counting from then.
     */
    public static void stopRecording() {
        synchronized (LOCK) {
            if (background != null) {
                background.close();
                background = null;
            }
        }
    }

    /** Allocations since {@link #startRecording()}: alloc_objects and alloc_space, as Go's allocs profile. */
    public static void writeAllocsProfile(OutputStream out) throws IOException {
        ProfileFiles.writeTo(allocsProfile(), out);
    }

    /** Live objects after a full GC, grown since the recording started: inuse_objects and inuse_space, as Go's heap profile. */
    public static void writeHeapProfile(OutputStream out) throws IOException {
        ProfileFiles.writeTo(heapProfile(), out);
    }

    /** Time spent waiting (park, monitor enter, monitor wait) since {@link #startRecording()}, as Go's block profile. */
    public static void writeBlockProfile(OutputStream out) throws IOException {
        ProfileFiles.writeTo(blockProfile(), out);
    }

    /** Time spent waiting for locks since {@link #startRecording()}, as Go's mutex profile. */
    public static void writeMutexProfile(OutputStream out) throws IOException {
        ProfileFiles.writeTo(mutexProfile(), out);
    }

    /** The stacks of all live threads now, counted per stack, as Go's goroutine profile. */
    public static void writeThreadsProfile(OutputStream out) throws IOException {
        ProfileFiles.writeTo(threadsProfile(), out);
    }

    static ProfileData allocsProfile() throws IOException {
        return background().allocs();
    }

    static ProfileData heapProfile() throws IOException {
        return background().heap();
    }

    static ProfileData blockProfile() throws IOException {
        return background().block();
    }

    static ProfileData mutexProfile() throws IOException {
        return background().mutex();
    }

    static ProfileData threadsProfile() {
        return ThreadsProfile.now();
    }

    private static BackgroundRecording background() {
        synchronized (LOCK) {
            if (background == null) {
                background = BackgroundRecording.start();
            }
            return background;
        }
    }
}
