package io.github.jmhpprof.jmh;

import java.util.Locale;
import java.util.Optional;

/**
 * async-profiler's allocation interval is chosen from the last warmup iteration's allocation rate
 * for a planned number of samples (at most {@code allocRate} a second), and chosen again after
 * each measurement iteration whose rate moved. When a measurement iteration allocates much faster
 * or slower than the iteration its interval was chosen from, the count is off: more samples cost
 * more (a stack walk each), fewer place sites less precisely. Seen on Apache Commons Lang's
 * {@code HashSetvBitSetBenchmark.testHashSet} with two 1 s warmup iterations, before the interval
 * followed the rate in the measurement: 20,503 samples for 3,000 planned, the measurement
 * allocating at 2.4 GB/s after a warmup iteration at 357 MB/s. The profile is right either way;
 * the summary says so, and what helps.
 */
final class AllocationSampleCount {

    /** Beyond this factor either way, say so. */
    static final double OFF_BY = 2;
    /**
     * Fewer samples than planned are not worth a word where fewer than this were planned: the plan
     * is that small only where the benchmark hardly allocates (it counts at most one sample per KiB
     * allocated), e.g. 0.01 B/op in {@code ContentionBenchmark.reentrantLock}.
     */
    static final long FEWER_MATTERS_FROM = 1_000;

    private AllocationSampleCount() {}

    /** The warning for {@code samples} taken where {@code planned} were, or empty; planned 0 is unknown. */
    static Optional<String> warning(long samples, long planned) {
        if (planned <= 0 || (samples <= OFF_BY * planned && samples >= planned / OFF_BY)) {
            return Optional.empty();
        }
        if (samples < planned && planned < FEWER_MATTERS_FROM) {
            return Optional.empty();
        }
        double factor = (double) samples / planned;
        String effect = samples > planned
                ? "sampling cost more than allocRate allows"
                : "site shares are less precise than planned";
        return Optional.of(String.format(
                Locale.ROOT,
                "%d allocation samples where %d were planned (%.1f×): measurement iterations allocated %s than "
                        + "the iterations their sampling interval was chosen from (it follows the rate from one "
                        + "iteration to the next), so %s; more or longer warmup iterations let it settle first",
                samples,
                planned,
                factor,
                samples > planned ? "faster" : "slower",
                effect));
    }
}
