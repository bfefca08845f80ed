package io.github.jmhpprof.jfr;

import java.time.Duration;

/**
 * What to ask JFR for.
 *
 * @param cpu                  record CPU samples
 * @param cpuTime              use {@code jdk.CPUTimeSample} (CPU-time sampling) instead of {@code jdk.ExecutionSample}
 * @param interval             CPU sampling period
 * @param alloc                record allocation samples
 * @param allocSamplesPerSecond JFR's throttle for {@code jdk.ObjectAllocationSample}
 * @param block                record waits for the block profile (park, monitor enter, monitor wait)
 * @param blockThreshold       shortest wait the block profile keeps
 * @param mutex                record lock waits for the mutex profile (monitor enter, park on a lock)
 * @param mutexThreshold       shortest lock wait the mutex profile keeps
 * @param heap                 record {@code jdk.OldObjectSample}, the sampled objects still live at the end
 */
public record RecordingPlan(boolean cpu, boolean cpuTime, Duration interval, boolean alloc, int allocSamplesPerSecond,
                            boolean block, Duration blockThreshold, boolean mutex, Duration mutexThreshold,
                            boolean heap) {

    /** A plan for the CPU and allocation profiles only. */
    public RecordingPlan(boolean cpu, boolean cpuTime, Duration interval, boolean alloc, int allocSamplesPerSecond) {
        this(cpu, cpuTime, interval, alloc, allocSamplesPerSecond, false, Duration.ZERO, false, Duration.ZERO, false);
    }

    /**
     * JFR has one threshold per event type, and the block and mutex profiles share
     * {@code jdk.JavaMonitorEnter} and {@code jdk.ThreadPark}: record from the lower of the two
     * thresholds, and let each profile drop the waits below its own.
     */
    Duration sharedWaitThreshold() {
        if (block && mutex) {
            return blockThreshold.compareTo(mutexThreshold) <= 0 ? blockThreshold : mutexThreshold;
        }
        return block ? blockThreshold : mutexThreshold;
    }
}
