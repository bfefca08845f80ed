package io.github.jmhpprof.jmh;

import io.github.jmhpprof.async.AllocationInterval;
import io.github.jmhpprof.engine.RecordedSamples;
import io.github.jmhpprof.model.ProfileData;

/**
 * The allocation profile's {@code sampler:} comment, which the summary and the comparison report
 * repeat: which sampler placed the bytes on sites, and, for JFR, that its sites are biased and how
 * to get unbiased ones.
 */
final class AllocSamplerText {

    /** Starts every JFR allocation sampler text; the comparison report looks for it. */
    static final String JFR_PREFIX = "jdk.ObjectAllocationSample";
    /** What JFR's sites are, and what to do about it. */
    static final String JFR_BIAS = "sites come from buffer-refill sampling (JFR samples the object that does not fit "
            + "its thread's allocation buffer), which can put a repeating allocation sequence on one site, usually "
            + "its largest object";

    /** The comparison report's note on a JFR allocation profile. */
    static final String JFR_NOTE = "allocation sites from JFR's buffer-refill sampling, which can put a repeating "
            + "allocation sequence on one site; async-profiler (the default where it loads) samples without this bias";

    private AllocSamplerText() {
    }

    /** Whether an allocation profile's sites came from JFR's buffer-refill sampling. */
    static boolean isBufferRefillSampled(ProfileData alloc) {
        String sampler = alloc == null ? null : alloc.comment("sampler");
        return sampler != null && sampler.startsWith(JFR_PREFIX);
    }

    static String async(AllocationInterval interval, RecordedSamples.Allocations allocations) {
        return "async-profiler alloc (JVMTI heap sampling, unbiased) every " + interval.bytes() + " bytes on average, "
                + interval.basis() + "; " + allocations.calibrated().profile().total(0) + " objects estimated from "
                + "the sampled objects' sizes; alloc_space scaled "
                + (allocations.calibrated().perThread() ? "per thread" : "as a whole")
                + " to exact ThreadMXBean bytes, about " + allocations.bytesPerSample() + " bytes per sample";
    }

    static String jfr(String samplerText, Engine engine) {
        String remedy = switch (engine) {
            case JFR -> "drop engine=jfr to use async-profiler, which samples without this bias";
            default -> "async-profiler samples without this bias where its native library loads (Linux x64/arm64, "
                    + "macOS) and tools.profiler:async-profiler is on the class path";
        };
        return samplerText + "; " + JFR_BIAS + "; " + remedy;
    }
}
