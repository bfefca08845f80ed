package io.github.jmhpprof.heap;

import io.github.jmhpprof.model.Labels;
import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.model.Stack;
import io.github.jmhpprof.model.ValueType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sampled objects still alive at the end of the measurement, by allocation stack, allocating
 * thread and class. Values are the sampled objects themselves, not scaled up: JFR's old-object
 * sampler keeps a bounded set of objects, preferring those that stand for more allocated bytes,
 * so no fixed rate turns it into a total (see the README).
 */
public final class LiveObjectSamples {

    private record Key(Stack stack, String thread, String objectClass) {
    }

    private final Map<Key, long[]> objects = new HashMap<>();
    private long sampled;
    private long estimatedSizes;

    /**
     * Adds one live object.
     *
     * @param bytes     its size
     * @param estimated true when the size is this profiler's estimate rather than the JVM's figure
     */
    public void add(Stack stack, String thread, String objectClass, long bytes, boolean estimated) {
        long[] sum = objects.computeIfAbsent(new Key(stack, thread, objectClass), k -> new long[2]);
        sum[0]++;
        sum[1] += bytes;
        sampled++;
        if (estimated) {
            estimatedSizes++;
        }
    }

    public long objectCount() {
        return sampled;
    }

    public long bytes() {
        return objects.values().stream().mapToLong(v -> v[1]).sum();
    }

    /** Objects whose size was estimated from the class layout (JFR before JDK 25 reports none). */
    public long estimatedSizes() {
        return estimatedSizes;
    }

    /**
     * The profile with the inuse types of Go's heap profile, {@code inuse_objects/count} and
     * {@code inuse_space/bytes} (the default, as the last type), period type {@code space/bytes}.
     * The period is 0: the sampler has no fixed rate.
     */
    public ProfileData toProfile(Labels labels) {
        ProfileData profile = new ProfileData(
                List.of(new ValueType("inuse_objects", "count"), new ValueType("inuse_space", "bytes")),
                new ValueType("space", "bytes"), 0, null);
        objects.forEach((key, v) ->
                profile.add(key.stack(), labels.with("thread", key.thread()).with("object", key.objectClass()), v[0], v[1]));
        return profile;
    }
}
