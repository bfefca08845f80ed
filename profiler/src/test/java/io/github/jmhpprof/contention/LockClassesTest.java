package io.github.jmhpprof.contention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.concurrent.locks.StampedLock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LockClassesTest {

    @ParameterizedTest
    @CsvSource({
        "java.util.concurrent.locks.ReentrantLock$NonfairSync, true",
        "java.util.concurrent.locks.ReentrantLock$FairSync, true",
        "java.util.concurrent.locks.ReentrantReadWriteLock$NonfairSync, true",
        "java.util.concurrent.locks.StampedLock, true",
        "java.util.concurrent.locks.AbstractQueuedSynchronizer$ConditionObject, false",
        "java.util.concurrent.locks.ReentrantReadWriteLock$ReadLock, false",
        "java.util.concurrent.CountDownLatch$Sync, false",
        "java.util.concurrent.Semaphore$NonfairSync, false",
        "java.util.concurrent.SynchronousQueue$TransferStack, false",
    })
    void tellsLocksFromOtherBlockers(String parkedOn, boolean lock) {
        assertEquals(lock, LockClasses.isLock(parkedOn));
    }

    @Test
    void aParkWithoutBlockerIsNoLockWait() {
        assertFalse(LockClasses.isLock(null));
    }

    /** What LockSupport really reports as the blocker of a thread waiting for each lock, in this JDK. */
    @Test
    void theBlockersOfThisJdksLocksAreRecognised() throws Exception {
        ReentrantLock reentrant = new ReentrantLock();
        assertTrue(LockClasses.isLock(blockerWhileWaiting(reentrant::lock, reentrant::unlock, reentrant::lock)));
        ReentrantReadWriteLock rw = new ReentrantReadWriteLock();
        assertTrue(LockClasses.isLock(
                blockerWhileWaiting(rw.writeLock()::lock, rw.writeLock()::unlock, rw.readLock()::lock)));
        StampedLock stamped = new StampedLock();
        long[] stamp = new long[1];
        assertTrue(LockClasses.isLock(blockerWhileWaiting(
                () -> stamp[0] = stamped.writeLock(), () -> stamped.unlockWrite(stamp[0]), stamped::readLock)));
    }

    /** Holds a lock, lets another thread block acquiring it, and returns the class it parked on. */
    private static String blockerWhileWaiting(Runnable hold, Runnable release, Runnable acquire)
            throws InterruptedException {
        hold.run();
        Thread waiter = new Thread(acquire);
        waiter.setDaemon(true);
        waiter.start();
        try {
            Object blocker;
            long deadline = System.nanoTime() + 5_000_000_000L;
            while ((blocker = LockSupport.getBlocker(waiter)) == null && System.nanoTime() < deadline) {
                Thread.sleep(1);
            }
            return blocker == null ? null : blocker.getClass().getName();
        } finally {
            release.run();
            waiter.join(5_000);
        }
    }
}
