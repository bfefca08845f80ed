package io.github.jmhpprof.recording.async;

import io.github.jmhpprof.report.Quantity;
import java.time.Duration;

/**
 * The mean bytes between allocation samples, chosen from the benchmark's own allocation rate
 * (measured in the warmup iterations, and again in each measurement iteration) so that the
 * measurement gets about
 * {@link #TARGET_SAMPLES} samples: enough to place a site's share within about a point (the
 * standard error of a share over n samples is at most 0.5 / sqrt(n), 0.35 points at 20,000) and
 * its objects within a few per cent, and no more, since each sample costs a stack walk (10–50 µs
 * measured here). At most {@code allocRate} per second of measurement (the option that caps JFR's
 * allocation samples too), so a short measurement trades accuracy for a bounded cost.
 *
 * @param bytes           mean bytes between samples
 * @param expectedSamples samples the measurement should get at that interval
 * @param basis           how the interval was chosen, for the profile's comment
 */
public record AllocationInterval(long bytes, long expectedSamples, String basis) {

    static final long TARGET_SAMPLES = 20_000;
    /** Below this, samples would mostly repeat the same few objects; the rate cap binds anyway. */
    static final long MIN_BYTES = 1024;
    /** JVMTI's SetHeapSamplingInterval takes a jint. */
    static final long MAX_BYTES = Integer.MAX_VALUE;

    /** Without a warmup to measure: async-profiler's own default, Go's MemProfileRate. */
    public static AllocationInterval unmeasured() {
        return new AllocationInterval(
                AsyncProfilerRecording.DEFAULT_ALLOC_INTERVAL,
                -1,
                "the default, as there was no warmup iteration to measure the allocation rate in");
    }

    /**
     * @param warmupBytes        bytes the benchmark threads allocated in the measured warmup iteration
     * @param warmupTime         how long that iteration took
     * @param measurementSeconds expected length of the whole measurement, in seconds
     * @param maxPerSecond       at most this many samples per second of measurement
     */
    public static AllocationInterval fromWarmup(
            long warmupBytes, Duration warmupTime, double measurementSeconds, int maxPerSecond) {
        return fromIteration(warmupBytes, warmupTime, measurementSeconds, maxPerSecond, "a warmup iteration");
    }

    /**
     * @param bytes              bytes the benchmark threads allocated in the iteration
     * @param time               how long that iteration took
     * @param measurementSeconds expected length of the whole measurement, in seconds
     * @param maxPerSecond       at most this many samples per second of measurement
     * @param iteration          which iteration, for the basis, e.g. "measurement iteration 2"
     */
    public static AllocationInterval fromIteration(
            long bytes, Duration time, double measurementSeconds, int maxPerSecond, String iteration) {
        double seconds = Math.max(1e-3, time.toNanos() / 1e9);
        double expectedBytes = bytes / seconds * measurementSeconds;
        long target = Math.max(1, Math.min(TARGET_SAMPLES, Math.round((double) maxPerSecond * measurementSeconds)));
        long interval = (long) Math.min(MAX_BYTES, Math.max(MIN_BYTES, expectedBytes / target));
        String basis = "chosen for about " + target + " samples from " + iteration + "'s "
                + Quantity.format(bytes / seconds, "bytes") + "/s";
        return new AllocationInterval(interval, Math.round(expectedBytes / interval), basis);
    }

    /**
     * The samples planned for one of a measurement's {@code iterations} at this interval, given
     * the bytes it allocated: its share of the measurement's samples, or what even the shortest
     * interval ({@link #MIN_BYTES}) gives for those bytes, if fewer (a benchmark that hardly
     * allocates is not short of samples). NaN where nothing was planned (no warmup to measure).
     */
    public double plannedFor(long bytes, int iterations) {
        if (expectedSamples < 0) {
            return Double.NaN;
        }
        return Math.min((double) expectedSamples / iterations, (double) bytes / MIN_BYTES);
    }

    /** Whether {@code other} is more than {@code factor} times longer or shorter: the rates they follow moved that far. */
    public boolean driftedBeyond(AllocationInterval other, double factor) {
        double drift = (double) other.bytes / bytes;
        return drift > factor || drift < 1 / factor;
    }
}
