package io.github.jmhpprof;

import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.pprof.ProfileFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

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
 * <p>
 * As in Go, every profile but CPU has a name: {@link #lookup}{@code ("allocs").writeTo(out, 0)}
 * writes one ({@link #writeHeapProfile} is Go's shortcut for the heap profile), and
 * {@link PprofServer} serves {@code /debug/pprof/<name>} by looking the name up.
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

    /**
     * A profile by name, as Go's {@code pprof.Profile}: made anew each time it is written.
     * {@link Pprof#lookup} finds one, {@link Pprof#profiles} lists them.
     */
    public static final class Profile {

        private interface Source {
            ProfileData make() throws IOException;
        }

        private final String name;
        private final String description;
        private final Source source;

        private Profile(String name, String description, Source source) {
            this.name = name;
            this.description = description;
            this.source = source;
        }

        public String name() {
            return name;
        }

        /** What the profile covers, in a line (the server's index page shows it). */
        public String description() {
            return description;
        }

        /**
         * Writes the profile as it is now, as Go's {@code Profile.WriteTo}: with {@code debug} 0 in
         * gzip-compressed pprof format, with 1 as text (a total, then each stack with its values,
         * largest first). Go's {@code debug=2} (goroutine stacks in panic form) is not there.
         *
         * @throws IllegalArgumentException for another {@code debug}, before anything is made or written
         */
        public void writeTo(OutputStream out, int debug) throws IOException {
            if (debug != 0 && debug != 1) {
                throw new IllegalArgumentException("debug must be 0 (pprof protobuf) or 1 (text), got " + debug);
            }
            ProfileData profile = source.make();
            if (debug == 0) {
                ProfileFiles.writeTo(profile, out);
            } else {
                out.write(ProfileText.of(name, profile).getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static final Profile ALLOCS = new Profile(
            "allocs",
            "Allocations since the background recording started "
                    + "(alloc_objects, alloc_space), scaled to exact per-thread bytes",
            () -> background().allocs());
    private static final Profile HEAP = new Profile(
            "heap",
            "Live objects after a full GC, grown since the recording " + "started (inuse_objects, inuse_space)",
            () -> background().heap());
    private static final Profile BLOCK = new Profile(
            "block",
            "Waits of at least " + WAIT_THRESHOLD_MILLIS
                    + " ms (park, monitor enter, Object.wait) since the background recording started",
            () -> background().block());
    private static final Profile MUTEX = new Profile(
            "mutex",
            "Lock waits of at least " + WAIT_THRESHOLD_MILLIS
                    + " ms (synchronized, j.u.c. locks) since the background recording started",
            () -> background().mutex());
    private static final Profile THREADS = new Profile(
            "threads", "Stacks of all live threads, counted per stack " + "(Go: goroutines)", ThreadsProfile::now);
    private static final List<Profile> PROFILES = List.of(ALLOCS, HEAP, BLOCK, MUTEX, THREADS);

    /** Go's name for the threads profile, which {@link #lookup} takes too. */
    public static final String GOROUTINE = "goroutine";

    private static final Object LOCK = new Object();
    private static CpuProfile cpu;
    private static BackgroundRecording background;

    private Pprof() {}

    /**
     * The profile of this name, or null when there is none, as Go's {@code pprof.Lookup}: allocs,
     * heap, block, mutex, threads, or {@value #GOROUTINE} for threads. The CPU profile is not one:
     * it covers a span of time, from {@link #startCpuProfile} to {@link #stopCpuProfile}.
     */
    public static Profile lookup(String name) {
        String wanted = name.equals(GOROUTINE) ? THREADS.name : name;
        return PROFILES.stream().filter(p -> p.name.equals(wanted)).findFirst().orElse(null);
    }

    /** Every profile {@link #lookup} finds, as Go's {@code pprof.Profiles}. */
    public static List<Profile> profiles() {
        return PROFILES;
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

    /**
     * Live objects after a full GC, grown since the recording started: inuse_objects and inuse_space,
     * as Go's {@code WriteHeapProfile}. The other profiles are written as in Go too:
     * {@code lookup("allocs").writeTo(out, 0)}.
     */
    public static void writeHeapProfile(OutputStream out) throws IOException {
        HEAP.writeTo(out, 0);
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
