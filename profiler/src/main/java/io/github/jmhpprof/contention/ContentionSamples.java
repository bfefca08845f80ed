package io.github.jmhpprof.contention;

import io.github.jmhpprof.model.Labels;
import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.model.Stack;
import io.github.jmhpprof.model.ValueType;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Waits of the benchmark threads, counted per stack, thread and object waited on: the data of a
 * block or mutex profile. Each wait at or above the threshold is one contention with its delay,
 * as Go records every blocking event at {@code -blockprofile} rate 1; shorter waits are dropped
 * and counted, so the summary can say how much the threshold hid.
 */
public final class ContentionSamples {

    /** The label under which samples name the class of the lock or object waited on. */
    public static final String LOCK_LABEL = "lock";

    private record Key(Stack stack, String thread, String lock) {}

    private final Duration threshold;
    private final long thresholdNanos;
    private final Map<Key, long[]> waits = new HashMap<>();
    private long belowThreshold;

    public ContentionSamples(Duration threshold) {
        this.threshold = threshold;
        this.thresholdNanos = threshold.toNanos();
    }

    /**
     * Adds one wait.
     *
     * @param lock       class of the monitor or blocker object, or null when the wait names none
     * @param delayNanos how long the thread waited
     */
    public void add(Stack stack, String thread, String lock, long delayNanos) {
        if (delayNanos < thresholdNanos) {
            belowThreshold++;
            return;
        }
        long[] sum = waits.computeIfAbsent(new Key(stack, thread, lock), k -> new long[2]);
        sum[0]++;
        sum[1] += Math.max(0, delayNanos);
    }

    public Duration threshold() {
        return threshold;
    }

    public long contentions() {
        return waits.values().stream().mapToLong(v -> v[0]).sum();
    }

    public long delayNanos() {
        return waits.values().stream().mapToLong(v -> v[1]).sum();
    }

    /** Waits that JFR recorded but that were shorter than this profile's threshold. */
    public long belowThreshold() {
        return belowThreshold;
    }

    /**
     * The profile with Go's block and mutex sample types, {@code contentions/count} and
     * {@code delay/nanoseconds} (the default, as the last type), period {@code contentions/count} 1.
     */
    public ProfileData toProfile(Labels labels) {
        ProfileData profile = new ProfileData(
                List.of(new ValueType("contentions", "count"), new ValueType("delay", "nanoseconds")),
                new ValueType("contentions", "count"),
                1,
                null);
        waits.forEach((key, v) -> {
            Labels l = labels.with("thread", key.thread());
            profile.add(key.stack(), key.lock() == null ? l : l.with(LOCK_LABEL, key.lock()), v[0], v[1]);
        });
        return profile;
    }
}
