package io.github.jmhpprof.alloc;

import io.github.jmhpprof.model.Stack;

import java.util.HashMap;
import java.util.Map;

/**
 * Allocation samples before calibration: JFR's raw weights (bytes allocated by the thread since
 * its previous sample) per thread, stack and allocated class, plus the object sizes JFR saw at
 * TLAB refills, which feed the alloc_objects estimate.
 */
public final class AllocationSamples {

    record Key(long threadId, String thread, Stack stack, String objectClass) {
    }

    private final Map<Key, Long> weights = new HashMap<>();
    private final ObjectSizes sizes = new ObjectSizes();
    private long sampleCount;

    public void add(long threadId, String thread, Stack stack, String objectClass, long weight) {
        if (weight <= 0) {
            return;
        }
        weights.merge(new Key(threadId, thread, stack, objectClass), weight, Long::sum);
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

    ObjectSizes sizes() {
        return sizes;
    }
}
