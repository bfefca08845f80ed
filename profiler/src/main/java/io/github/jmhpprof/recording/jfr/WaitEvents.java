package io.github.jmhpprof.recording.jfr;

import io.github.jmhpprof.contention.ContentionSamples;
import io.github.jmhpprof.contention.LockClasses;
import io.github.jmhpprof.model.Stack;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedThread;

/** Waits into the block profile (every wait) and the mutex profile (lock waits only). */
final class WaitEvents {

    /** What a thread waited in, which decides whether the wait is a lock wait. */
    enum Wait {
        /** {@code LockSupport.park}: a lock wait only when parked on a lock. */
        PARK,
        /** Entering a contended {@code synchronized}: always a lock wait. */
        MONITOR_ENTER,
        /** {@code Object.wait}: waiting for a notification, never a lock wait. */
        MONITOR_WAIT
    }

    private final ContentionSamples block;
    private final ContentionSamples mutex;

    /** Either may be null: that profile was not asked for. */
    WaitEvents(ContentionSamples block, ContentionSamples mutex) {
        this.block = block;
        this.mutex = mutex;
    }

    boolean wanted() {
        return block != null || mutex != null;
    }

    void add(RecordedEvent event, RecordedThread thread, Stack stack, RecordedClass on, Wait kind) {
        long delay = event.getDuration().toNanos();
        String display = on == null ? null : JfrEventReader.className(on);
        if (block != null) {
            block.add(stack, thread.getJavaName(), display, delay);
        }
        boolean lockWait = switch (kind) {
            case PARK -> LockClasses.isLock(on == null ? null : on.getName());
            case MONITOR_ENTER -> true;
            case MONITOR_WAIT -> false;
        };
        if (mutex != null && lockWait) {
            mutex.add(stack, thread.getJavaName(), display, delay);
        }
    }
}
