package io.github.jmhpprof.cpu;

import io.github.jmhpprof.model.Frame;
import io.github.jmhpprof.model.Labels;
import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.model.Stack;
import io.github.jmhpprof.model.ValueType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU samples of the benchmark threads, counted per stack and thread. Each sample stands for one
 * sampling period of CPU time, as in Go's CPU profile. Samples the engine reports as lost are kept
 * under a {@code [lost samples]} frame, so the profile still adds up to the CPU time it saw.
 */
public final class CpuSamples {

    public static final Frame LOST = Frame.synthetic("[lost samples]");
    /** The JVM's own CPU time: GC, JIT compiler and other threads that are not the benchmark's. */
    public static final Frame JVM = Frame.synthetic("[JVM: GC, JIT and other JVM threads]");

    private record Key(Stack stack, String thread) {}

    private final Map<Key, Long> counts = new HashMap<>();
    private final Map<String, Long> lost = new HashMap<>();
    private long jvmPeriods;

    public void add(Stack stack, String thread) {
        counts.merge(new Key(stack, thread), 1L, Long::sum);
    }

    public void addLost(String thread, long samples) {
        lost.merge(thread, samples, Long::sum);
    }

    /**
     * Adds CPU time of the JVM outside the benchmark threads, as whole sampling periods, under
     * one {@link #JVM} stack with thread label {@code jvm}.
     */
    public void addJvmTime(long nanos, Duration interval) {
        jvmPeriods += Math.max(0, nanos / interval.toNanos());
    }

    /** Aggregated entries held in memory: one per distinct stack and thread. */
    public int distinctEntries() {
        return counts.size() + lost.size();
    }

    public long sampleCount() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    public long lostCount() {
        return lost.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The CPU profile, with Go's sample types: samples/count and cpu/nanoseconds. */
    public ProfileData toProfile(Labels labels, Duration interval) {
        long period = interval.toNanos();
        ProfileData profile = new ProfileData(
                List.of(new ValueType("samples", "count"), new ValueType("cpu", "nanoseconds")),
                new ValueType("cpu", "nanoseconds"),
                period,
                null);
        counts.forEach((key, n) -> profile.add(key.stack(), labels.with("thread", key.thread()), n, n * period));
        lost.forEach((thread, n) -> profile.add(Stack.of(LOST), labels.with("thread", thread), n, n * period));
        if (jvmPeriods > 0) {
            profile.add(Stack.of(JVM), labels.with("thread", "jvm"), jvmPeriods, jvmPeriods * period);
        }
        return profile;
    }
}
