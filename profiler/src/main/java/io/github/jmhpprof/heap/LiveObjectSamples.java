package io.github.jmhpprof.heap;

import io.github.jmhpprof.model.Stack;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sampled objects still alive at the end of the measurement, by allocation stack, allocating
 * thread and class, as JFR's old-object sampler reports them. The sampler keeps a bounded set of
 * objects and no fixed rate turns it into a total; {@link LiveHeapProfile} takes the totals from
 * the class histogram instead.
 */
public final class LiveObjectSamples {

    private record Key(Stack stack, String thread, String objectClass) {}

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

    /** The sampled objects of one stack, allocating thread and class. */
    public record Entry(Stack stack, String thread, String objectClass, long objects, long bytes) {}

    public List<Entry> entries() {
        List<Entry> entries = new ArrayList<>();
        objects.forEach((key, v) -> entries.add(new Entry(key.stack(), key.thread(), key.objectClass(), v[0], v[1])));
        return entries;
    }
}
