package io.github.jmhpprof.recording;

import io.github.jmhpprof.contention.ContentionSamples;
import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.report.Quantity;
import java.time.Duration;

/**
 * How each profile was sampled: the one place that words a profile's {@code sampler:} comment,
 * and writes it with the {@code jdk:} comment beside it. The JMH profiler, the runtime API, the
 * summary and the comparison report all take their wording from here.
 */
public final class SamplerText {

    /** The events the block profile is built from. */
    public static final String BLOCK_EVENTS = "jdk.ThreadPark, jdk.JavaMonitorEnter and jdk.JavaMonitorWait";
    /** The events the mutex profile is built from. */
    public static final String MUTEX_EVENTS =
            "jdk.JavaMonitorEnter, and jdk.ThreadPark on ReentrantLock, ReentrantReadWriteLock and StampedLock";
    /** Starts every JFR allocation sampler text; {@link #isBufferRefillSampled} looks for it. */
    public static final String JFR_ALLOC_PREFIX = "jdk.ObjectAllocationSample";
    /** What JFR's allocation sites are. */
    public static final String JFR_BIAS =
            "sites come from buffer-refill sampling (JFR samples the object that does not "
                    + "fit its thread's allocation buffer), which can put a repeating allocation sequence on one site, usually "
                    + "its largest object";
    /** The comparison report's note on a JFR allocation profile. */
    public static final String JFR_NOTE =
            "allocation sites from JFR's buffer-refill sampling, which can put a repeating "
                    + "allocation sequence on one site; async-profiler (the default where it loads) samples without this bias";
    /** What to do about {@link #JFR_BIAS} when JFR was asked for by name. */
    public static final String DROP_ENGINE_JFR =
            "drop engine=jfr to use async-profiler, which samples without this bias";
    /** What to do about {@link #JFR_BIAS} when async-profiler was not at hand. */
    public static final String INSTALL_ASYNC = "async-profiler samples without this bias where its native library "
            + "loads (Linux x64/arm64, macOS) and tools.profiler:async-profiler is on the class path";

    /** What to do about {@link #JFR_BIAS} when async-profiler loaded but refused to start. */
    public static final String ASYNC_REFUSED =
            "async-profiler, which samples without this bias, did not start here (the run's note says why)";

    /** What HotSpot's heap sampler gets wrong before JDK 25, and which JDKs get it right. */
    public static final String OUTSIDE_TLAB_BIAS = "before JDK 25, HotSpot's heap sampler samples objects allocated "
            + "outside the thread's allocation buffer (the larger ones, which do not fit the rest of it) too seldom "
            + "and the others too often (JDK-8356372), so sites of large arrays can show too few bytes; "
            + "JDK 25 and later sample both alike";

    private SamplerText() {}

    /** Adds the {@code jdk:} and {@code sampler:} comments, in that order. */
    public static void comment(ProfileData profile, String sampler) {
        profile.addComment(
                "jdk: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        profile.addComment("sampler: " + sampler);
    }

    /**
     * JFR's CPU sampler.
     *
     * @param period the period the samples stand for
     * @param asked  the period this recording asked for: JFR uses a shorter one another recording asked for
     */
    public static String jfrCpu(RecordingPlan.CpuEvent event, Duration period, Duration asked) {
        String text = Quantity.format(period.toNanos(), "nanoseconds");
        String sampler = event == RecordingPlan.CpuEvent.CPU_TIME_SAMPLE
                ? "jdk.CPUTimeSample every " + text + " of thread CPU time"
                : "jdk.ExecutionSample every " + text
                        + " (fallback: it sees only threads running Java code; jdk.CPUTimeSample needs JDK 25+)";
        if (!period.equals(asked)) {
            sampler += "; another JFR recording in this JVM asked for " + text
                    + " instead of " + Quantity.format(asked.toNanos(), "nanoseconds")
                    + ", JFR used the shorter, and so do these values";
        }
        return sampler;
    }

    /** async-profiler's CPU sampler; {@code engine} is the one it reported (ctimer, perf_events, itimer), or null. */
    public static String asyncCpu(String engine, Duration interval) {
        return "async-profiler event=ctimer (" + (engine == null ? "a per-thread CPU timer" : engine) + ") every "
                + interval.toNanos() / 1_000_000.0 + "ms of thread CPU time, native and VM code included";
    }

    /** JFR's allocation sampler, and how its samples were scaled. */
    public static String jfrAlloc(int samplesPerSecond, Samples.Allocations allocations) {
        return JFR_ALLOC_PREFIX + " at most " + samplesPerSecond + "/s, about " + allocations.bytesPerSample()
                + " bytes per sample; alloc_space scaled " + scaled(allocations)
                + " to exact ThreadMXBean bytes; alloc_objects estimated from object sizes at TLAB refills";
    }

    /** {@link #jfrAlloc} with the bias of JFR's sites and what to do about it ({@link #DROP_ENGINE_JFR}, {@link #INSTALL_ASYNC} or {@link #ASYNC_REFUSED}). */
    public static String jfrAllocWithBias(int samplesPerSecond, Samples.Allocations allocations, String remedy) {
        return jfrAlloc(samplesPerSecond, allocations) + "; " + JFR_BIAS + "; " + remedy;
    }

    /**
     * async-profiler's allocation sampler.
     *
     * @param intervalBytes mean bytes between samples
     * @param basis         how that interval was chosen
     */
    public static String asyncAlloc(long intervalBytes, String basis, Samples.Allocations allocations, int jdkFeature) {
        boolean unbiased = heapSamplerFixed(jdkFeature);
        String text = "async-profiler alloc (JVMTI heap sampling" + (unbiased ? ", unbiased" : "")
                + ") every " + intervalBytes + " bytes on average, "
                + basis + "; " + allocations.profile().total(0) + " objects estimated from "
                + "the sampled objects' sizes; alloc_space scaled " + scaled(allocations)
                + " to exact ThreadMXBean bytes, about " + allocations.bytesPerSample() + " bytes per sample";
        return unbiased ? text : text + "; " + OUTSIDE_TLAB_BIAS;
    }

    /**
     * Whether this JDK's heap sampler counts objects allocated outside TLABs right: the fix of
     * JDK-8356372 is in JDK 25. Measured (GroundTruthIT, docs/accuracy.md): a 400 KB array that
     * makes up 25.0 % of the bytes showed as 16.6-20.9 % on JDK 17.0.15, 24.7-25.2 % on JDK 25.0.3.
     */
    static boolean heapSamplerFixed(int jdkFeature) {
        return jdkFeature >= 25;
    }

    private static String scaled(Samples.Allocations allocations) {
        return allocations.calibrated().perThread() ? "per thread" : "as a whole";
    }

    /** Whether an allocation sampler text says the sites came from JFR's buffer-refill sampling. */
    public static boolean isBufferRefillSampled(String allocSampler) {
        return allocSampler.startsWith(JFR_ALLOC_PREFIX);
    }

    /**
     * A block or mutex profile.
     *
     * @param events which JFR events ({@link #BLOCK_EVENTS} or {@link #MUTEX_EVENTS})
     * @param within which waits count, e.g. "within one measurement iteration"
     */
    public static String contention(ContentionSamples samples, String events, String within) {
        long below = samples.belowThreshold();
        return events + ": every wait of at least "
                + Quantity.format(samples.threshold().toNanos(), "nanoseconds")
                + " that began and ended " + within
                + (below > 0
                        ? " (" + below + " shorter waits, recorded for the other profile's threshold, left out)"
                        : "");
    }

    /**
     * The heap profile's sampled sites ({@code LiveHeapProfile#samplerText} adds where the totals come from).
     *
     * @param queue   the sampler's queue, e.g. " (queue of 256)", or empty
     * @param objects how many sampled objects are alive
     * @param which   which objects, e.g. "allocated since ... and still alive after a full GC"
     */
    public static String heapSites(String queue, long objects, String which) {
        return "jdk.OldObjectSample" + queue + ": " + objects + " sampled objects " + which;
    }

    /** The threads profile; {@code when} says when the stacks were taken, or is empty. */
    public static String threads(long threadCount, String when) {
        return "ThreadMXBean.dumpAllThreads() of all " + threadCount + " live threads of the JVM" + when;
    }
}
