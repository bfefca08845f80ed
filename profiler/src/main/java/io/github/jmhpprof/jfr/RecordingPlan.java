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
 */
public record RecordingPlan(boolean cpu, boolean cpuTime, Duration interval, boolean alloc, int allocSamplesPerSecond) {
}
