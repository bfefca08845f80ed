package io.github.jmhpprof.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.jmhpprof.groundtruth.CpuSplitBenchmark;
import io.github.jmhpprof.testing.JmhCsv;
import io.github.jmhpprof.testing.RawProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Profiles checked against answers known by construction ({@code io.github.jmhpprof.groundtruth}),
 * for every engine that loads here: the default (async-profiler where its library loads) and JFR.
 * <ul>
 *   <li>Allocation: a repeating sequence of one 48 KB {@code byte[]}, 1,000 small objects and 100
 *       {@code long[50]} per operation; the truth is the objects' layout, checked against
 *       {@code -prof gc}. The unbiased sampler must place every site within 3 points and count its
 *       objects within 5 %; JFR's buffer-refill sampling misplaces sites by 10 points or more
 *       (on JDK 17 nearly all bytes go to the large object), asserted so that a change is noticed.
 *   <li>CPU: two computing methods and an array copy; the truth is the benchmark thread's own CPU
 *       time around each part, summed over the measurement iterations. The unbiased sampler must
 *       show each part within 5 points, and the three parts' CPU time within 5 % although
 *       interval=1ms is shorter than the kernel's tick; JFR shows (almost) none of the copy, whose
 *       time runs in a JIT stub.
 *   <li>Allocation outside the TLAB: a 400 KB array with 25 % of the bytes. Within 3 points on
 *       JDK 25; below 23.5 % before, where HotSpot's heap sampler under-samples it (JDK-8356372).
 * </ul>
 * Thresholds hold whatever the JIT does and however loaded the machine is: the truth is measured in
 * the same fork (bytes from layout, CPU from per-thread counters), not taken from timing, and the
 * allocation profile gets about 20,000 samples over its 20 s measurement (share error about 0.35
 * points, objects at the smallest site about 1.4 %).
 */
class GroundTruthIT {

    private static final String PKG = "io.github.jmhpprof.groundtruth.";
    private static final String SEQUENCE = PKG + "AllocationSequenceBenchmark.sequence";
    private static final String SPLIT = PKG + "CpuSplitBenchmark.split";

    /** Bytes per operation by site, from the objects' layout (see AllocationSequenceBenchmark). */
    private static final Map<String, Long> SITE_BYTES = sites(49_168, 1_000 * 24, 100 * (16 + 50 * 8));

    private static final Map<String, Long> SITE_OBJECTS = sites(1, 1_000, 100);

    private static final String OUTSIDE_TLAB = PKG + "OutsideTlabBenchmark.sequence";
    /** OutsideTlabBenchmark's bytes per operation: one long[50_000], 50,000 objects of 24 bytes. */
    private static final long LARGE_ARRAY_BYTES = 16 + 50_000 * 8;

    private static final long OUTSIDE_TLAB_SMALL_BYTES = 50_000 * 24;

    /** The large array's true share of OutsideTlabBenchmark's bytes, 25.0 %. */
    private static final double LARGE_ARRAY_SHARE =
            (double) LARGE_ARRAY_BYTES / (LARGE_ARRAY_BYTES + OUTSIDE_TLAB_SMALL_BYTES);

    private static final List<String> CPU_PARTS = List.of("compute", "hash", "copy");

    private static BenchmarksJar.Run byDefault;
    private static JmhCsv defaultResults;
    private static BenchmarksJar.Run jfr;
    private static boolean asyncLoads;

    @BeforeAll
    static void runBothEngines() throws Exception {
        asyncLoads = AsyncProfilerPlatform.shipsALibraryHere();
        // interval=1ms: the most samples the kernel gives, one per scheduler tick (5,000 in 20 s at
        // CONFIG_HZ=250; copy's share error about 0.6 points), and a period shorter than the tick.
        Path dir = BenchmarksJar.newWorkDir("ground-truth");
        byDefault = BenchmarksJar.run(
                dir,
                600,
                List.of(
                        PKG + "(AllocationSequenceBenchmark|CpuSplitBenchmark|OutsideTlabBenchmark)",
                        "-f",
                        "1",
                        "-wi",
                        "2",
                        "-w",
                        "1s",
                        "-i",
                        "4",
                        "-r",
                        "5s",
                        "-prof",
                        "pprof:interval=1ms",
                        "-prof",
                        "gc",
                        "-rf",
                        "csv",
                        "-rff",
                        "results.csv"));
        assertEquals(0, byDefault.exitCode(), byDefault.output());
        defaultResults = JmhCsv.read(dir.resolve("results.csv"));
        Path jfrDir = BenchmarksJar.newWorkDir("ground-truth-jfr");
        jfr = BenchmarksJar.run(
                jfrDir,
                300,
                List.of(
                        PKG + "(AllocationSequenceBenchmark|CpuSplitBenchmark)",
                        "-f",
                        "1",
                        "-wi",
                        "2",
                        "-w",
                        "1s",
                        "-i",
                        "3",
                        "-r",
                        "1s",
                        "-prof",
                        "pprof:engine=jfr;interval=1ms"));
        assertEquals(0, jfr.exitCode(), jfr.output());
    }

    /**
     * The measured table of docs/accuracy.md: truth against each engine, written to
     * {@code ground-truth.md} in the default run's folder.
     */
    @AfterAll
    static void writeTable() throws IOException {
        if (byDefault == null || jfr == null) {
            return;
        }
        long truthTotal =
                SITE_BYTES.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder md = new StringBuilder("| Site | truth: bytes | truth: objects/op");
        List<BenchmarksJar.Run> runs = List.of(byDefault, jfr);
        List<RawProfile> allocs = new java.util.ArrayList<>();
        for (BenchmarksJar.Run run : runs) {
            RawProfile alloc = RawProfile.of(run.profileOf(SEQUENCE, "alloc.pb.gz"));
            allocs.add(alloc);
            String sampler = alloc.comment("sampler").startsWith("async") ? "async-profiler" : "JFR";
            md.append(" | ")
                    .append(sampler)
                    .append(": bytes | ")
                    .append(sampler)
                    .append(": objects/op");
        }
        md.append(" |\n|---|---:|---:|---:|---:|---:|---:|\n");
        for (String site : SITE_BYTES.keySet()) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %.1f %% | %d",
                    site,
                    100.0 * SITE_BYTES.get(site) / truthTotal,
                    SITE_OBJECTS.get(site)));
            for (RawProfile alloc : allocs) {
                long ops = Long.parseLong(alloc.comment("operations"));
                double share =
                        (double) bySite(alloc, "alloc_space", List.of(site)).get(site) / alloc.total("alloc_space");
                double perOp =
                        (double) bySite(alloc, "alloc_objects", List.of(site)).get(site) / ops;
                md.append(String.format(Locale.ROOT, " | %.1f %% | %.1f", 100 * share, perOp));
            }
            md.append(" |\n");
        }
        md.append(
                "\n| CPU part | truth (default run) | default | truth (JFR run) | JFR |\n|---|---:|---:|---:|---:|\n");
        CpuSplit byDefaultSplit = CpuSplit.of(byDefault);
        CpuSplit jfrSplit = CpuSplit.of(jfr);
        for (String part : CPU_PARTS) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %.1f %% | %.1f %% | %.1f %% | %.1f %% |%n",
                    part,
                    100 * byDefaultSplit.truth().get(part),
                    100 * byDefaultSplit.shares().get(part),
                    100 * jfrSplit.truth().get(part),
                    100 * jfrSplit.shares().get(part)));
        }
        RawProfile outside = RawProfile.of(byDefault.profileOf(OUTSIDE_TLAB, "alloc.pb.gz"));
        md.append(String.format(
                Locale.ROOT,
                "%nOutsideTlabBenchmark, default run: largeArray %.1f %% of alloc_space (truth %.1f %%)%n",
                100 * (double) largeArray(outside, "alloc_space") / outside.total("alloc_space"),
                100 * LARGE_ARRAY_SHARE));
        md.append("\nsamplers: ")
                .append(byDefaultSplit.sampler())
                .append(" / ")
                .append(jfrSplit.sampler())
                .append('\n');
        Files.writeString(byDefault.workDir().resolve("ground-truth.md"), md);
    }

    @Test
    void theLayoutTruthMatchesJmhsOwnAllocationCount() {
        double norm = defaultResults.score(SEQUENCE + ":gc.alloc.rate.norm");
        long truth = SITE_BYTES.values().stream().mapToLong(Long::longValue).sum();
        assertTrue(
                Math.abs(norm / truth - 1) < 0.01,
                "gc.alloc.rate.norm " + norm + " B/op against " + truth
                        + " B/op from the objects' layout: the ground truth itself would be wrong");
    }

    @Test
    void theDefaultSamplerPlacesEverySiteAndCountsItsObjects() {
        RawProfile alloc = RawProfile.of(byDefault.profileOf(SEQUENCE, "alloc.pb.gz"));
        if (!asyncLoads) {
            assertTrue(alloc.comment("sampler").startsWith("jdk.ObjectAllocationSample"), alloc.comment("sampler"));
            return;
        }
        assertTrue(alloc.comment("sampler").startsWith("async-profiler alloc"), alloc.comment("sampler"));
        long ops = Long.parseLong(alloc.comment("operations"));
        Map<String, Long> bytes = bySite(alloc, "alloc_space", SITE_BYTES.keySet());
        Map<String, Long> objects = bySite(alloc, "alloc_objects", SITE_BYTES.keySet());
        long total = alloc.total("alloc_space");
        long truthTotal =
                SITE_BYTES.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder table = new StringBuilder();
        for (String site : SITE_BYTES.keySet()) {
            double share = (double) bytes.get(site) / total;
            double truthShare = (double) SITE_BYTES.get(site) / truthTotal;
            double perOp = (double) objects.get(site) / ops;
            table.append(String.format(
                    Locale.ROOT,
                    "%s: %.1f %% of bytes (truth %.1f %%), %.1f objects/op (truth %d)%n",
                    site,
                    100 * share,
                    100 * truthShare,
                    perOp,
                    SITE_OBJECTS.get(site)));
        }
        for (String site : SITE_BYTES.keySet()) {
            double share = (double) bytes.get(site) / total;
            double truthShare = (double) SITE_BYTES.get(site) / truthTotal;
            assertTrue(Math.abs(share - truthShare) <= 0.03, site + " share off by more than 3 points:\n" + table);
            double perOp = (double) objects.get(site) / ops;
            assertTrue(
                    Math.abs(perOp / SITE_OBJECTS.get(site) - 1) <= 0.05,
                    site + " objects off by more than 5 %:\n" + table);
        }
    }

    /**
     * JFR's known bias, as docs/accuracy.md reports it: nearly all bytes on the 48 KB byte[] (the
     * object that does not fit the buffer) on JDK 17, and on JDK 25 on a quiet machine; under heavy
     * load JDK 25 put them as far off the other way. What held in every run: some site is off by
     * at least 10 points. Should this
     * fail, JFR's sampling changed: measure again and update the docs.
     */
    @Test
    void jfrsBufferRefillSamplingMisplacesTheSequenceAsDocumented() {
        RawProfile alloc = RawProfile.of(jfr.profileOf(SEQUENCE, "alloc.pb.gz"));
        String sampler = alloc.comment("sampler");
        assertTrue(
                sampler.startsWith("jdk.ObjectAllocationSample")
                        && sampler.contains("buffer-refill sampling")
                        && sampler.contains("drop engine=jfr"),
                sampler);
        Map<String, Long> bytes = bySite(alloc, "alloc_space", SITE_BYTES.keySet());
        long truthTotal =
                SITE_BYTES.values().stream().mapToLong(Long::longValue).sum();
        double worst = 0;
        for (String site : SITE_BYTES.keySet()) {
            double share = (double) bytes.get(site) / alloc.total("alloc_space");
            worst = Math.max(worst, Math.abs(share - (double) SITE_BYTES.get(site) / truthTotal));
        }
        assertTrue(worst >= 0.10, "JFR placed every site within " + worst + " of the truth: " + bytes);
        assertTrue(jfr.output().contains("buffer-refill sampling"), "the summary says where JFR's sites come from");
    }

    @Test
    void theLayoutTruthOfTheOutsideTlabBenchmarkMatchesJmhsOwnAllocationCount() {
        double norm = defaultResults.score(OUTSIDE_TLAB + ":gc.alloc.rate.norm");
        long truth = LARGE_ARRAY_BYTES + OUTSIDE_TLAB_SMALL_BYTES;
        assertTrue(Math.abs(norm / truth - 1) < 0.01, "gc.alloc.rate.norm " + norm + " B/op against " + truth);
    }

    /**
     * A 400 KB array allocated outside the TLAB, 25 % of the bytes: on JDK 25 the default sampler
     * places it within 3 points; before JDK 25 HotSpot's heap sampler samples it too seldom
     * (JDK-8356372), which the sampler comment says and docs/accuracy.md reports with the figures.
     * Should the JDK 17 check fail, the JDK's sampler changed: measure again and update the docs.
     */
    @Test
    void theLargeArrayAllocatedOutsideTheTlabIsPlacedRightFromJdk25AndUndercountedBefore() {
        assumeTrue(asyncLoads, "the default here is JFR, whose bias is checked above");
        RawProfile alloc = RawProfile.of(byDefault.profileOf(OUTSIDE_TLAB, "alloc.pb.gz"));
        double share = (double) largeArray(alloc, "alloc_space") / alloc.total("alloc_space");
        double truth = LARGE_ARRAY_SHARE;
        String sampler = alloc.comment("sampler");
        String seen = String.format(
                Locale.ROOT,
                "largeArray %.1f %% of bytes (truth %.1f %%); sampler: %s",
                100 * share,
                100 * truth,
                sampler);
        if (BenchmarksJar.javaFeatureVersion() >= 25) {
            assertTrue(Math.abs(share - truth) <= 0.03, seen);
            double perOp = (double) largeArray(alloc, "alloc_objects") / Long.parseLong(alloc.comment("operations"));
            assertTrue(Math.abs(perOp - 1) <= 0.05, "largeArray objects/op " + perOp + ", truth 1; " + seen);
            assertFalse(sampler.contains("JDK-8356372"), seen);
        } else {
            // The bias varies from run to run: 16.6-20.9 % in 14 runs on JDK 17 (docs/accuracy.md);
            // a fixed sampler gives 25 % within about 0.3 points (24.7-25.2 % in seven runs on JDK 25).
            assertTrue(
                    share <= truth - 0.015,
                    "JDK " + BenchmarksJar.javaFeatureVersion()
                            + "'s heap sampler now counts the array right: update docs/accuracy.md and SamplerText; "
                            + seen);
            assertTrue(sampler.contains("JDK-8356372"), seen);
        }
    }

    @Test
    void theSummaryNamesTheSamplerOfEachProfile() {
        String summary = byDefault.output();
        assertTrue(
                summary.contains("sampler: " + (asyncLoads ? "async-profiler alloc" : "jdk.ObjectAllocationSample")),
                summary);
        assertTrue(summary.contains("sampler: " + (asyncLoads ? "async-profiler event=ctimer" : "jdk.")), summary);
    }

    @Test
    void theDefaultSamplerSplitsCpuTimeAsTheThreadsOwnCountersDo() throws IOException {
        assumeTrue(asyncLoads, "the default here is JFR, checked below");
        CpuSplit split = CpuSplit.of(byDefault);
        for (String part : CPU_PARTS) {
            assertTrue(
                    Math.abs(split.shares().get(part) - split.truth().get(part)) <= 0.05,
                    part + " off by more than 5 points: " + split);
        }
    }

    /**
     * interval=1ms is shorter than this machine's kernel tick (4 ms at CONFIG_HZ=250), where a CPU
     * timer fires once a tick: the profile must still hold the CPU time, not a quarter of it.
     */
    @Test
    void theDefaultCpuProfileHoldsTheCpuTimeTheThreadMeasured() throws IOException {
        assumeTrue(asyncLoads, "the default here is JFR");
        CpuSplit split = CpuSplit.of(byDefault);
        assertTrue(Math.abs(split.totalRatio() - 1) <= 0.05, "profile ÷ truth " + split.totalRatio() + ": " + split);
    }

    @Test
    void jfrMissesTheCopyInItsJitStubAsDocumented() throws IOException {
        CpuSplit split = CpuSplit.of(jfr);
        assertTrue(split.truth().get("copy") >= 0.15, "the copy should be a sizeable part: " + split);
        // JDK 17's jdk.ExecutionSample drops samples in the stub; JDK 25's jdk.CPUTimeSample charges them
        // to the caller's caller. Either way copy() shows (almost) nothing. See docs/accuracy.md.
        assertTrue(split.shares().get("copy") <= 0.05, "JFR now sees the copy: update docs/accuracy.md; " + split);
    }

    /**
     * The CPU profile's split of the three parts of CpuSplitBenchmark, against the truth the
     * benchmark thread measured with its own CPU-time counter.
     */
    private record CpuSplit(Map<String, Long> profileNanos, Map<String, Long> truthNanos, String sampler) {
        static CpuSplit of(BenchmarksJar.Run run) throws IOException {
            RawProfile cpu = RawProfile.of(run.profileOf(SPLIT, "cpu.pb.gz"));
            return new CpuSplit(
                    cpu.byMethod("cpu", PKG + "CpuSplitBenchmark", CPU_PARTS),
                    cpuTruthNanos(run),
                    cpu.comment("sampler"));
        }

        Map<String, Double> shares() {
            return GroundTruthIT.shares(profileNanos);
        }

        Map<String, Double> truth() {
            return GroundTruthIT.shares(truthNanos);
        }

        /** The three parts' CPU time in the profile ÷ the same as the benchmark thread measured it. */
        double totalRatio() {
            return (double) sum(profileNanos) / sum(truthNanos);
        }

        private static long sum(Map<String, Long> nanos) {
            return nanos.values().stream().mapToLong(Long::longValue).sum();
        }

        @Override
        public String toString() {
            return "CpuSplit[shares=" + shares() + ", truth=" + truth() + ", profile ns=" + profileNanos + ", truth ns="
                    + truthNanos + ", sampler=" + sampler + "]";
        }
    }

    private static Map<String, Long> sites(long buffer, long smallObjects, long longArrays) {
        Map<String, Long> sites = new LinkedHashMap<>();
        sites.put("buffer", buffer);
        sites.put("smallObjects", smallObjects);
        sites.put("longArrays", longArrays);
        return sites;
    }

    /** OutsideTlabBenchmark's largeArray() site in the profile, by sample type. */
    private static long largeArray(RawProfile alloc, String type) {
        return alloc.byMethod(type, PKG + "OutsideTlabBenchmark", List.of("largeArray"))
                .get("largeArray");
    }

    private static Map<String, Long> bySite(RawProfile alloc, String type, Iterable<String> sites) {
        return alloc.byMethod(type, PKG + "AllocationSequenceBenchmark", sites);
    }

    /**
     * Each part's CPU time as the benchmark thread measured it over the measurement iterations (the
     * line CpuSplitBenchmark prints at the end of its trial).
     */
    private static Map<String, Long> cpuTruthNanos(BenchmarksJar.Run run) {
        return run.truthLine(CpuSplitBenchmark.TRUTH_LINE, CPU_PARTS);
    }

    private static Map<String, Double> shares(Map<String, Long> values) {
        double total = values.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Double> shares = new LinkedHashMap<>();
        values.forEach((k, v) -> shares.put(k, total == 0 ? 0 : v / total));
        return shares;
    }
}
