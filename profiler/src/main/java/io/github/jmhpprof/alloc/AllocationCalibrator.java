package io.github.jmhpprof.alloc;

import io.github.jmhpprof.model.Frame;
import io.github.jmhpprof.model.Labels;
import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.model.Stack;
import io.github.jmhpprof.model.ValueType;
import io.github.jmhpprof.threads.ThreadActivity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the allocation profile from JFR's samples, scaled per thread so that alloc_space adds up
 * to the exact bytes each thread allocated during measurement. JFR's raw weights alone were
 * 0.64–2.95× the truth here (see design notes), so the samples only say <em>where</em>;
 * {@code ThreadMXBean} says <em>how much</em>.
 */
public final class AllocationCalibrator {

    /** Stands for bytes a thread allocated while JFR took no sample from it. */
    public static final Frame UNSAMPLED = Frame.synthetic("[unsampled allocations]");

    /**
     * @param profile          alloc_objects/count and alloc_space/bytes, default alloc_space
     * @param exactBytes       bytes the benchmark threads allocated, by ThreadMXBean
     * @param uncalibratedBytes raw JFR weight of threads with no exact count (they ended before the
     *                         iteration did), kept as JFR reported it
     */
    public record Result(ProfileData profile, long exactBytes, long uncalibratedBytes) {
    }

    private AllocationCalibrator() {
    }

    public static Result calibrate(AllocationSamples samples, Map<Long, ThreadActivity.Totals> exact,
                                   Labels labels, long samplingRate) {
        ProfileData profile = new ProfileData(
                List.of(new ValueType("alloc_objects", "count"), new ValueType("alloc_space", "bytes")),
                new ValueType("space", "bytes"), samplingRate, "alloc_space");
        Map<Long, List<Map.Entry<AllocationSamples.Key, Long>>> byThread = new HashMap<>();
        for (Map.Entry<AllocationSamples.Key, Long> e : samples.weights().entrySet()) {
            byThread.computeIfAbsent(e.getKey().threadId(), id -> new ArrayList<>()).add(e);
        }
        long uncalibrated = 0;
        for (Map.Entry<Long, List<Map.Entry<AllocationSamples.Key, Long>>> thread : byThread.entrySet()) {
            ThreadActivity.Totals totals = exact.get(thread.getKey());
            long raw = thread.getValue().stream().mapToLong(Map.Entry::getValue).sum();
            if (totals == null) {
                uncalibrated += raw;
                addScaled(profile, samples.sizes(), thread.getValue(), raw, raw, labels);
            } else {
                addScaled(profile, samples.sizes(), thread.getValue(), raw, totals.allocatedBytes(), labels);
            }
        }
        long exactBytes = 0;
        for (Map.Entry<Long, ThreadActivity.Totals> e : exact.entrySet()) {
            long bytes = e.getValue().allocatedBytes();
            exactBytes += bytes;
            if (bytes > 0 && !byThread.containsKey(e.getKey())) {
                long objects = Math.round(bytes * orZero(samples.sizes().objectsPerByte("")));
                profile.add(Stack.of(UNSAMPLED), labels.with("thread", e.getValue().name()), objects, bytes);
            }
        }
        return new Result(profile, exactBytes, uncalibrated);
    }

    /**
     * Scales one thread's samples from {@code raw} to {@code target} bytes. Cumulative rounding
     * makes the integers add up to exactly {@code target}, and keeps small sites that plain
     * rounding would round away in aggregate.
     */
    private static void addScaled(ProfileData profile, ObjectSizes sizes, List<Map.Entry<AllocationSamples.Key, Long>> samples,
                                  long raw, long target, Labels labels) {
        samples.sort(Comparator.comparing((Map.Entry<AllocationSamples.Key, Long> e) -> e.getKey().objectClass())
                .thenComparing(e -> e.getKey().stack().toString()));
        double factor = (double) target / raw;
        double cumulative = 0;
        long assigned = 0;
        for (Map.Entry<AllocationSamples.Key, Long> e : samples) {
            cumulative += e.getValue() * factor;
            long bytes = Math.round(cumulative) - assigned;
            assigned += bytes;
            AllocationSamples.Key key = e.getKey();
            double perByte = sizes.objectsPerByte(key.objectClass());
            long objects = Double.isNaN(perByte) ? 0 : Math.round(bytes * perByte);
            profile.add(key.stack(), labels.with("thread", key.thread()).with("object", key.objectClass()), objects, bytes);
        }
    }

    private static double orZero(double d) {
        return Double.isNaN(d) ? 0 : d;
    }
}
