package io.github.jmhpprof.contention;

import java.util.List;

/**
 * Tells a thread parked on a lock from one parked for another reason. {@code LockSupport.park}
 * names the object it parks for: a {@code ReentrantLock}'s or {@code ReentrantReadWriteLock}'s
 * synchronizer while acquiring it, a {@code StampedLock} itself, but a condition, a queue's
 * condition, a latch or a semaphore otherwise. Only the first kind is mutex contention.
 */
public final class LockClasses {

    private static final List<String> LOCK_PREFIXES =
            List.of("java.util.concurrent.locks.ReentrantLock$", "java.util.concurrent.locks.ReentrantReadWriteLock$");
    private static final String STAMPED_LOCK = "java.util.concurrent.locks.StampedLock";

    private LockClasses() {}

    /**
     * @param parkedOn binary name of the class a thread parked on, or null when it named none
     */
    public static boolean isLock(String parkedOn) {
        if (parkedOn == null) {
            return false;
        }
        if (parkedOn.equals(STAMPED_LOCK)) {
            return true;
        }
        for (String prefix : LOCK_PREFIXES) {
            // ReentrantReadWriteLock's own ReadLock/WriteLock are never park blockers; its Sync is.
            if (parkedOn.startsWith(prefix) && parkedOn.endsWith("Sync")) {
                return true;
            }
        }
        return false;
    }
}
