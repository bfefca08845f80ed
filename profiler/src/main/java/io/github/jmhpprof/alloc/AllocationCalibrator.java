package io.github.jmhpprof.alloc;

import io.github.jmhpprof.model.Frame;
import io.github.jmhpprof.model.Labels;
import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.model.ProportionalSplit;
import io.github.jmhpprof.model.Stack;
import io.github.jmhpprof.model.ValueType;
import io.github.jmhpprof.threads.ThreadActivity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the allocation profile from JFR's samples, scaled per thread so that alloc_space adds up
 * to the exact bytes each thread allocated during measurement. JFR's raw weights alone summed to
 * 0.64–2.95× the truth in the measurements this design started from, so the samples only say
 * <em>where</em>; {@code ThreadMXBean} says <em>how much</em> (docs/accuracy.md, "How the numbers
 * are made").
 */
public final class AllocationCalibrator {

    /** Stands for bytes a thread allocated while JFR took no sample from it. */
    public static final Frame UNSAMPLED = Frame.synthetic("[unsampled allocations]");

    /**
     * @param profile         alloc_objects/count and alloc_space/bytes, default alloc_space
     * @param exactBytes      bytes the benchmark threads allocated, by ThreadMXBean
     * @param perThread       true when every sampled thread had its own exact count; false when some
     *                        had none (virtual threads, whose bytes the JVM counts on their carrier
     *                        threads, or threads that ended mid-iteration), so all samples were
     *                        scaled together to the exact total
     */
    public record Result(ProfileData profile, long exactBytes, boolean perThread) {}

    private AllocationCalibrator() {}

    public static Result calibrate(
            AllocationSamples samples, Map<Long, ThreadActivity.Totals> exact, Labels labels, long samplingRate) {
        ProfileData profile = new ProfileData(
                List.of(new ValueType("alloc_objects", "count"), new ValueType("alloc_space", "bytes")),
                new ValueType("space", "bytes"),
                samplingRate,
                "alloc_space");
        Map<Long, List<Map.Entry<AllocationSamples.Key, Long>>> byThread = new HashMap<>();
        for (Map.Entry<AllocationSamples.Key, Long> e : samples.weights().entrySet()) {
            byThread.computeIfAbsent(e.getKey().threadId(), id -> new ArrayList<>())
                    .add(e);
        }
        long exactBytes = exact.values().stream()
                .mapToLong(ThreadActivity.Totals::allocatedBytes)
                .sum();
        boolean perThread = exact.keySet().containsAll(byThread.keySet());
        if (!perThread) {
            List<Map.Entry<AllocationSamples.Key, Long>> all =
                    new ArrayList<>(samples.weights().entrySet());
            long raw = all.stream().mapToLong(Map.Entry::getValue).sum();
            addScaled(profile, samples, all, raw, exactBytes, labels);
            return new Result(profile, exactBytes, false);
        }
        for (Map.Entry<Long, List<Map.Entry<AllocationSamples.Key, Long>>> thread : byThread.entrySet()) {
            long raw = thread.getValue().stream().mapToLong(Map.Entry::getValue).sum();
            addScaled(
                    profile,
                    samples,
                    thread.getValue(),
                    raw,
                    exact.get(thread.getKey()).allocatedBytes(),
                    labels);
        }
        for (Map.Entry<Long, ThreadActivity.Totals> e : exact.entrySet()) {
            long bytes = e.getValue().allocatedBytes();
            if (bytes > 0 && !byThread.containsKey(e.getKey())) {
                long objects = Math.round(bytes * orZero(samples.sizes().objectsPerByte("")));
                profile.add(
                        Stack.of(UNSAMPLED), labels.with("thread", e.getValue().name()), objects, bytes);
            }
        }
        return new Result(profile, exactBytes, true);
    }

    /**
     * Scales one thread's samples from {@code raw} to {@code target} bytes, adding up to exactly
     * {@code target} ({@link ProportionalSplit}).
     */
    private static void addScaled(
            ProfileData profile,
            AllocationSamples source,
            List<Map.Entry<AllocationSamples.Key, Long>> samples,
            long raw,
            long target,
            Labels labels) {
        // By class, then stack; each sort key made once: a stack's text is long, and a profile of a
        // long-running program (the runtime API's) has thousands of entries.
        List<Map.Entry<String, Map.Entry<AllocationSamples.Key, Long>>> ordered = new ArrayList<>(samples.size());
        for (Map.Entry<AllocationSamples.Key, Long> e : samples) {
            ordered.add(Map.entry(e.getKey().objectClass() + '\0' + e.getKey().stack(), e));
        }
        ordered.sort(Map.Entry.comparingByKey());
        double factor = (double) target / raw;
        ProportionalSplit scaled = new ProportionalSplit(target, raw);
        for (Map.Entry<String, Map.Entry<AllocationSamples.Key, Long>> sorted : ordered) {
            Map.Entry<AllocationSamples.Key, Long> e = sorted.getValue();
            long bytes = scaled.next(e.getValue());
            AllocationSamples.Key key = e.getKey();
            long objects = objects(source, key, bytes, factor);
            profile.add(
                    key.stack(), labels.with("thread", key.thread()).with("object", key.objectClass()), objects, bytes);
        }
    }

    /**
     * The objects a key's {@code bytes} stand for: its samples' own count, scaled as its bytes
     * were, where the samples knew their object's size; else the class's estimate from TLAB sizes.
     */
    private static long objects(AllocationSamples samples, AllocationSamples.Key key, long bytes, double factor) {
        double sampled = samples.sampledObjects(key);
        if (!Double.isNaN(sampled)) {
            return Math.round(sampled * factor);
        }
        double perByte = samples.sizes().objectsPerByte(key.objectClass());
        return Double.isNaN(perByte) ? 0 : Math.round(bytes * perByte);
    }

    private static double orZero(double d) {
        return Double.isNaN(d) ? 0 : d;
    }
}
