package io.github.jmhpprof.alloc;

import java.util.HashMap;
import java.util.Map;

/**
 * Estimates how many objects a number of allocated bytes stands for, per class.
 * <p>
 * JFR's allocation samples carry bytes and a class but no object size. The TLAB events do carry
 * sizes, and a refill is triggered by an object with a chance roughly proportional to its size.
 * Under such size-biased sampling, the mean of 1/size over the observed objects estimates the
 * number of objects per allocated byte (the Horvitz-Thompson estimator that Go's heap profile
 * also relies on). Classes never seen at a refill use the mean over all classes.
 */
final class ObjectSizes {

    private static final class Stat {
        double inverseSizeSum;
        long count;
    }

    private final Map<String, Stat> byClass = new HashMap<>();
    private final Stat all = new Stat();

    void add(String objectClass, long bytes) {
        if (bytes <= 0) {
            return;
        }
        Stat stat = byClass.computeIfAbsent(objectClass, c -> new Stat());
        stat.inverseSizeSum += 1.0 / bytes;
        stat.count++;
        all.inverseSizeSum += 1.0 / bytes;
        all.count++;
    }

    /** Estimated objects per byte for this class, or NaN when no size was seen at all. */
    double objectsPerByte(String objectClass) {
        Stat stat = byClass.get(objectClass);
        if (stat == null || stat.count == 0) {
            stat = all;
        }
        return stat.count == 0 ? Double.NaN : stat.inverseSizeSum / stat.count;
    }
}
