package io.github.jmhpprof.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.jmhpprof.groundtruth.RateChangeBenchmark;
import io.github.jmhpprof.testing.RawProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An allocation rate that jumps several-fold between the warmup and the measurement, by
 * construction ({@link RateChangeBenchmark}): async-profiler's allocation interval, chosen in the
 * warmup, is re-chosen after the first measurement iteration, sampling goes on in a new file, and
 * each file's samples keep the weights of the interval they were taken at. The site that only the
 * first measurement iteration allocates at shows that: were its samples weighed at the later
 * interval, its share would be several times too large.
 */
class RateChangeIT {

    private static final String BENCHMARK = "io.github.jmhpprof.groundtruth.RateChangeBenchmark.allocate";
    private static final List<String> SITES = List.of("small", "firstLarge", "laterLarge");

    @Test
    void theIntervalFollowsTheRateAndEachPartKeepsItsWeights() throws Exception {
        assumeTrue(AsyncProfilerPlatform.shipsALibraryHere(), "async-profiler ships no library for this platform");
        Path dir = BenchmarksJar.newWorkDir("rate-change");
        // At the default 1,000 samples a second, about 3,000 after the restart: the later site's
        // share (about 60 %) within about 0.7 points, one standard error.
        BenchmarksJar.Run run = BenchmarksJar.run(
                dir,
                300,
                List.of(BENCHMARK, "-f", "1", "-wi", "2", "-w", "1s", "-i", "4", "-r", "1s", "-prof", "pprof"));
        assertEquals(0, run.exitCode(), run.output());
        RawProfile alloc = RawProfile.of(run.profileOf(BENCHMARK, "alloc.pb.gz"));
        String sampler = alloc.comment("sampler");
        // After the first measurement iteration as a rule; a later one if load slowed that iteration down.
        assertTrue(sampler.matches(".*; from measurement iteration \\d every .*"), sampler);

        // Each site's bytes over the measurement, as the benchmark counted them.
        Map<String, Long> truth = run.truthLine(RateChangeBenchmark.TRUTH_LINE, SITES);
        long truthTotal = truth.values().stream().mapToLong(Long::longValue).sum();
        long total = alloc.total("alloc_space");
        // alloc_space is scaled to the thread's exact bytes: the layout truth must match it.
        assertTrue(
                Math.abs((double) total / truthTotal - 1) < 0.01,
                "profile " + total + " bytes, truth from the layout " + truthTotal
                        + ": the truth itself would be wrong");
        Map<String, Long> bySite =
                alloc.byMethod("alloc_space", BENCHMARK.substring(0, BENCHMARK.lastIndexOf('.')), SITES);
        for (String site : SITES) {
            double share = (double) bySite.get(site) / total;
            double truthShare = (double) truth.get(site) / truthTotal;
            assertTrue(
                    Math.abs(share - truthShare) <= 0.03,
                    site + ": " + share + " of the bytes, truth " + truthShare + "; sampler: " + sampler);
        }
    }
}
