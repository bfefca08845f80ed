package io.github.jmhpprof.recording;

import io.github.jmhpprof.alloc.AllocationCalibrator;
import io.github.jmhpprof.alloc.AllocationSamples;
import io.github.jmhpprof.contention.ContentionSamples;
import io.github.jmhpprof.cpu.CpuSamples;
import io.github.jmhpprof.heap.LiveObjectSamples;
import io.github.jmhpprof.model.Labels;
import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.model.ProfileKind;
import io.github.jmhpprof.threads.ThreadActivity;
import java.util.Set;

/**
 * The engine-neutral samples of one recording: one collector per profile a {@link RecordingPlan}
 * asks for, which a recorder's reader fills one event at a time and the profile is then made from.
 * The only holder of the collectors, shared by the JMH profiler and the runtime API.
 */
public final class Samples {

    /**
     * An allocation profile scaled to exact bytes.
     *
     * @param calibrated     the profile and whether it was scaled per thread
     * @param bytesPerSample exact bytes over the samples: the profile's period
     */
    public record Allocations(AllocationCalibrator.Result calibrated, long bytesPerSample) {
        public ProfileData profile() {
            return calibrated.profile();
        }
    }

    private final CpuSamples cpu;
    private final AllocationSamples alloc;
    private final ContentionSamples block;
    private final ContentionSamples mutex;
    private final LiveObjectSamples heap;

    private Samples(
            CpuSamples cpu,
            AllocationSamples alloc,
            ContentionSamples block,
            ContentionSamples mutex,
            LiveObjectSamples heap) {
        this.cpu = cpu;
        this.alloc = alloc;
        this.block = block;
        this.mutex = mutex;
        this.heap = heap;
    }

    /** Empty collectors for what the plan asks for. */
    public static Samples forPlan(RecordingPlan plan) {
        return new Samples(
                plan.has(ProfileKind.CPU) ? new CpuSamples() : null,
                plan.has(ProfileKind.ALLOC) ? new AllocationSamples() : null,
                plan.has(ProfileKind.BLOCK) ? new ContentionSamples(plan.blockThreshold()) : null,
                plan.has(ProfileKind.MUTEX) ? new ContentionSamples(plan.mutexThreshold()) : null,
                plan.has(ProfileKind.HEAP) ? new LiveObjectSamples() : null);
    }

    /**
     * The same collectors, but only those of {@code kinds}: for a recorder that reads some
     * profiles from one file and the others from another.
     */
    public Samples only(Set<ProfileKind> kinds) {
        return new Samples(
                kinds.contains(ProfileKind.CPU) ? cpu : null,
                kinds.contains(ProfileKind.ALLOC) ? alloc : null,
                kinds.contains(ProfileKind.BLOCK) ? block : null,
                kinds.contains(ProfileKind.MUTEX) ? mutex : null,
                kinds.contains(ProfileKind.HEAP) ? heap : null);
    }

    /** CPU samples, or null when the plan asked for none; likewise the other accessors. */
    public CpuSamples cpu() {
        return cpu;
    }

    public AllocationSamples alloc() {
        return alloc;
    }

    /** Every wait: parking, monitor enter, monitor wait. */
    public ContentionSamples block() {
        return block;
    }

    /** Lock waits: monitor enter, and parking on a lock. */
    public ContentionSamples mutex() {
        return mutex;
    }

    /** Sampled objects still alive when the recording stopped. */
    public LiveObjectSamples heap() {
        return heap;
    }

    /**
     * The allocation profile, alloc_space scaled to the exact bytes each thread allocated. The
     * period is the exact bytes per sample, what Go's period (its sampling rate) means.
     */
    public Allocations allocations(ThreadActivity exact, Labels labels) {
        long bytesPerSample = Math.max(1, exact.totalAllocatedBytes() / Math.max(1, alloc.sampleCount()));
        return new Allocations(
                AllocationCalibrator.calibrate(alloc, exact.byThread(), labels, bytesPerSample), bytesPerSample);
    }
}
