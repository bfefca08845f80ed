package io.github.jmhpprof.alloc;

import io.github.jmhpprof.model.Stack;
import java.util.HashMap;
import java.util.Map;

/**
 * Allocation samples before calibration: raw weights (the bytes each sample stands for) per
 * thread, stack and allocated class. For alloc_objects, either the objects each sample stands for
 * (async-profiler's samples know their object's size), or else the object sizes JFR saw at TLAB
 * refills, which feed a per-class estimate.
 */
public final class AllocationSamples {

    record Key(long threadId, String thread, Stack stack, String objectClass) {}

    private final Map<Key, Long> weights = new HashMap<>();
    /** Objects the samples stand for, per key; only for samples that know their object's size. */
    private final Map<Key, Double> objects = new HashMap<>();

    private final ObjectSizes sizes = new ObjectSizes();
    private long sampleCount;

    public void add(long threadId, String thread, Stack stack, String objectClass, long weight) {
        if (weight <= 0) {
            return;
        }
        weights.merge(new Key(threadId, thread, stack, objectClass), weight, Long::sum);
        sampleCount++;
    }

    /**
     * A sample of one object of {@code objectBytes} that stands for {@code weight} bytes, so for
     * {@code weight / objectBytes} objects of its class at its stack (the Horvitz-Thompson
     * estimate: a sampler that picks an object with a chance of its size over the interval).
     */
    public void addSized(long threadId, String thread, Stack stack, String objectClass, long weight, long objectBytes) {
        if (weight <= 0 || objectBytes <= 0) {
            return;
        }
        Key key = new Key(threadId, thread, stack, objectClass);
        weights.merge(key, weight, Long::sum);
        objects.merge(key, (double) weight / objectBytes, Double::sum);
        sampleCount++;
    }

    /** An allocation JFR reported at a TLAB refill or outside a TLAB, with its size in bytes. */
    public void addObjectSize(String objectClass, long bytes) {
        sizes.add(objectClass, bytes);
    }

    /** Aggregated entries held in memory: one per distinct thread, stack and class. */
    public int distinctEntries() {
        return weights.size();
    }

    public long sampleCount() {
        return sampleCount;
    }

    Map<Key, Long> weights() {
        return weights;
    }

    /** Objects the key's samples stand for, or NaN when its samples did not know their size. */
    double sampledObjects(Key key) {
        Double n = objects.get(key);
        return n == null ? Double.NaN : n;
    }

    ObjectSizes sizes() {
        return sizes;
    }
}
