package io.github.jmhpprof.recording;

import io.github.jmhpprof.model.ProfileKind;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;

/**
 * What to record: the profiles, and the settings they are sampled with, each set by name:
 * {@code RecordingPlan.of(CPU, ALLOC).withCpuInterval(ms10).withAllocSamplesPerSecond(1000)}.
 * A setting matters only when its profile is in the plan.
 */
public final class RecordingPlan {

    /** Which JFR event samples the CPU profile (async-profiler has its own, and ignores this). */
    public enum CpuEvent {
        /** {@code jdk.ExecutionSample}: by wall clock, only threads running Java code. */
        EXECUTION_SAMPLE,
        /** {@code jdk.CPUTimeSample} (JDK 25+ on Linux): by thread CPU time. */
        CPU_TIME_SAMPLE
    }

    private final Set<ProfileKind> profiles;
    private final CpuEvent cpuEvent;
    private final Duration cpuInterval;
    private final int allocSamplesPerSecond;
    private final Duration blockThreshold;
    private final Duration mutexThreshold;

    private RecordingPlan(
            Set<ProfileKind> profiles,
            CpuEvent cpuEvent,
            Duration cpuInterval,
            int allocSamplesPerSecond,
            Duration blockThreshold,
            Duration mutexThreshold) {
        this.profiles = EnumSet.noneOf(ProfileKind.class);
        this.profiles.addAll(profiles);
        this.cpuEvent = cpuEvent;
        this.cpuInterval = cpuInterval;
        this.allocSamplesPerSecond = allocSamplesPerSecond;
        this.blockThreshold = blockThreshold;
        this.mutexThreshold = mutexThreshold;
    }

    /** A plan for these profiles; {@link ProfileKind#THREADS} needs no recording and is ignored by the recorders. */
    public static RecordingPlan of(Set<ProfileKind> profiles) {
        return new RecordingPlan(profiles, CpuEvent.EXECUTION_SAMPLE, Duration.ZERO, 0, Duration.ZERO, Duration.ZERO);
    }

    public static RecordingPlan of(ProfileKind first, ProfileKind... more) {
        return of(EnumSet.of(first, more));
    }

    public RecordingPlan withCpuEvent(CpuEvent event) {
        return new RecordingPlan(profiles, event, cpuInterval, allocSamplesPerSecond, blockThreshold, mutexThreshold);
    }

    /** The CPU sampling period. */
    public RecordingPlan withCpuInterval(Duration interval) {
        return new RecordingPlan(profiles, cpuEvent, interval, allocSamplesPerSecond, blockThreshold, mutexThreshold);
    }

    /** JFR's throttle for {@code jdk.ObjectAllocationSample}. */
    public RecordingPlan withAllocSamplesPerSecond(int samplesPerSecond) {
        return new RecordingPlan(profiles, cpuEvent, cpuInterval, samplesPerSecond, blockThreshold, mutexThreshold);
    }

    /** The shortest wait the block profile keeps. */
    public RecordingPlan withBlockThreshold(Duration threshold) {
        return new RecordingPlan(profiles, cpuEvent, cpuInterval, allocSamplesPerSecond, threshold, mutexThreshold);
    }

    /** The shortest lock wait the mutex profile keeps. */
    public RecordingPlan withMutexThreshold(Duration threshold) {
        return new RecordingPlan(profiles, cpuEvent, cpuInterval, allocSamplesPerSecond, blockThreshold, threshold);
    }

    /** The same settings for only those of this plan's profiles that are in {@code kinds}. */
    public RecordingPlan only(Set<ProfileKind> kinds) {
        Set<ProfileKind> kept = profiles();
        kept.retainAll(kinds);
        return new RecordingPlan(kept, cpuEvent, cpuInterval, allocSamplesPerSecond, blockThreshold, mutexThreshold);
    }

    public boolean has(ProfileKind kind) {
        return profiles.contains(kind);
    }

    public Set<ProfileKind> profiles() {
        Set<ProfileKind> copy = EnumSet.noneOf(ProfileKind.class);
        copy.addAll(profiles);
        return copy;
    }

    public CpuEvent cpuEvent() {
        return cpuEvent;
    }

    /** Whether the CPU profile is sampled by thread CPU time ({@code jdk.CPUTimeSample}). */
    public boolean cpuTime() {
        return cpuEvent == CpuEvent.CPU_TIME_SAMPLE;
    }

    public Duration cpuInterval() {
        return cpuInterval;
    }

    public int allocSamplesPerSecond() {
        return allocSamplesPerSecond;
    }

    public Duration blockThreshold() {
        return blockThreshold;
    }

    public Duration mutexThreshold() {
        return mutexThreshold;
    }

    /**
     * JFR has one threshold per event type, and the block and mutex profiles share
     * {@code jdk.JavaMonitorEnter} and {@code jdk.ThreadPark}: record from the lower of the two
     * thresholds, and let each profile drop the waits below its own.
     */
    public Duration sharedWaitThreshold() {
        if (has(ProfileKind.BLOCK) && has(ProfileKind.MUTEX)) {
            return blockThreshold.compareTo(mutexThreshold) <= 0 ? blockThreshold : mutexThreshold;
        }
        return has(ProfileKind.BLOCK) ? blockThreshold : mutexThreshold;
    }
}
