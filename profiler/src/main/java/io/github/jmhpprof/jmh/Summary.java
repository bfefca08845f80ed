package io.github.jmhpprof.jmh;

import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.model.ProfileKind;
import io.github.jmhpprof.report.Quantity;
import io.github.jmhpprof.report.TopTable;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** The text JMH prints for one benchmark: the files written, how faithful they are, and their top functions. */
final class Summary {

    private static final int TOP = 10;

    private final String benchmarkId;
    private final Path folder;
    private final int forks;
    private final int forksWithProfiles;

    Summary(String benchmarkId, Path folder, int forks, int forksWithProfiles) {
        this.benchmarkId = benchmarkId;
        this.folder = folder;
        this.forks = forks;
        this.forksWithProfiles = forksWithProfiles;
    }

    String text(Map<ProfileKind, ProfileData> profiles, ForkReport total, String note) {
        StringBuilder text = new StringBuilder("pprof profiles of ").append(benchmarkId);
        if (forks > 1) {
            text.append(String.format(
                    Locale.ROOT,
                    " (%d of %d forks merged; each fork's own files are in fork-<n>/)",
                    forksWithProfiles,
                    forks));
        }
        text.append('\n');
        if (total.hasFailed()) {
            text.append("  no profiles: ").append(total.failure()).append('\n');
        }
        if (!note.isEmpty()) {
            text.append("  note: ").append(note).append('\n');
        }
        ProfileData cpu = profiles.get(ProfileKind.CPU);
        if (cpu != null) {
            cpu(text, cpu, total);
        }
        ProfileData alloc = profiles.get(ProfileKind.ALLOC);
        if (alloc != null) {
            alloc(text, alloc, total);
        }
        for (ProfileKind kind : new ProfileKind[] {ProfileKind.BLOCK, ProfileKind.MUTEX}) {
            ProfileData contention = profiles.get(kind);
            if (contention != null) {
                contention(text, contention, kind);
            }
        }
        ProfileData heap = profiles.get(ProfileKind.HEAP);
        if (heap != null) {
            heap(text, heap, total);
        }
        ProfileData threads = profiles.get(ProfileKind.THREADS);
        if (threads != null) {
            threads(text, threads);
        }
        if (total.output().conversionMillis() > 0) {
            text.append(String.format(
                    Locale.ROOT,
                    "%n  written in %d ms after the last iteration, %s%n",
                    total.output().conversionMillis(),
                    Quantity.format(total.output().bytesWritten(), "bytes")));
        }
        return text.toString();
    }

    private void cpu(StringBuilder text, ProfileData profile, ForkReport total) {
        text.append(String.format(
                Locale.ROOT,
                "%n  %s: %d samples%s, %s of CPU%n",
                file(ProfileKind.CPU),
                total.cpu().samples(),
                total.cpu().lostSamples() > 0
                        ? " (+" + total.cpu().lostSamples() + " lost, kept as [lost samples])"
                        : "",
                Quantity.format(profile.total(1), "nanoseconds")));
        String sampler = RunNotes.unlessRepeated("cpu sampler", total.cpu().sampler());
        if (sampler != null) {
            text.append("  sampler: ").append(sampler).append('\n');
        }
        double coverage = total.coverage();
        text.append(String.format(
                Locale.ROOT,
                "  coverage: %.2f%s of the benchmark threads' %s CPU time",
                coverage,
                LostCpuSamples.coverageSplit(total),
                Quantity.format(total.work().threadCpuNanos(), "nanoseconds")));
        if (total.work().processCpuNanos() > 0) {
            text.append(String.format(
                    Locale.ROOT,
                    "; the whole JVM used %s (%s outside the benchmark threads: GC, JIT, other)",
                    Quantity.format(total.work().processCpuNanos(), "nanoseconds"),
                    Quantity.format(
                            Math.max(
                                    0,
                                    total.work().processCpuNanos()
                                            - total.work().threadCpuNanos()),
                            "nanoseconds")));
        }
        text.append('\n');
        if (coverage < 0.8 || coverage > 1.2) {
            text.append(String.format(
                    Locale.ROOT,
                    "  WARNING: the CPU profile accounts for %.0f%% of the benchmark threads' CPU time, so its values are %s%n",
                    100 * coverage,
                    coverage < 0.8 ? "understated" : "overstated"));
        }
        LostCpuSamples.warning(total)
                .ifPresent(w -> text.append("  WARNING: ").append(w).append('\n'));
        appendTop(text, profile, "cpu");
    }

    private void alloc(StringBuilder text, ProfileData profile, ForkReport total) {
        long ops = total.operations();
        text.append(String.format(
                Locale.ROOT,
                "%n  %s: %d samples, scaled to the %s allocated exactly (%s/op over %d ops)%n",
                file(ProfileKind.ALLOC),
                total.memory().allocSamples(),
                Quantity.format(total.work().allocatedBytes(), "bytes"),
                Double.isNaN(total.meanBytesPerOp()) ? "?" : Quantity.format(total.meanBytesPerOp(), "bytes"),
                ops));
        appendSampler(text, profile);
        AllocationSampleCount.warning(
                        total.memory().allocSamples(), total.memory().plannedAllocSamples())
                .ifPresent(w -> text.append("  WARNING: ").append(w).append('\n'));
        appendTop(text, profile, "alloc_space");
    }

    private void contention(StringBuilder text, ProfileData profile, ProfileKind kind) {
        text.append(String.format(
                Locale.ROOT,
                "%n  %s: %d contentions, %s of delay%n",
                file(kind),
                profile.total(0),
                Quantity.format(profile.total(1), "nanoseconds")));
        appendSampler(text, profile);
        appendTop(text, profile, "delay");
    }

    private void heap(StringBuilder text, ProfileData profile, ForkReport total) {
        text.append(String.format(
                Locale.ROOT,
                "%n  %s: %d live objects, %s%n",
                file(ProfileKind.HEAP),
                profile.total(0),
                Quantity.format(profile.total(1), "bytes")));
        if (total.memory().liveHeapBytes() > 0) {
            text.append(String.format(
                    Locale.ROOT,
                    "  heap in use after the final GC: %s%s (all objects of the JVM)%n",
                    Quantity.format((double) total.memory().liveHeapBytes() / Math.max(1, forksWithProfiles), "bytes"),
                    forksWithProfiles > 1 ? " per fork on average" : ""));
        }
        appendSampler(text, profile);
        appendTop(text, profile, "inuse_space");
    }

    private void threads(StringBuilder text, ProfileData profile) {
        text.append(String.format(
                Locale.ROOT,
                "%n  %s: %d live threads after the last measurement iteration%s%n",
                file(ProfileKind.THREADS),
                profile.total(0),
                forks > 1 ? ", all forks added up" : ""));
        appendTop(text, profile, "threads");
    }

    private Path file(ProfileKind kind) {
        return OutputLayout.profile(folder, kind);
    }

    private static void appendSampler(StringBuilder text, ProfileData profile) {
        String sampler = profile.comment("sampler");
        if (sampler != null) {
            text.append("  sampler: ").append(sampler).append('\n');
        }
    }

    private static void appendTop(StringBuilder text, ProfileData profile, String sampleType) {
        if (profile.isEmpty()) {
            text.append("  (no samples)\n");
            return;
        }
        text.append("  top ").append(TOP).append(" by ").append(sampleType).append(":\n");
        for (String line : TopTable.of(profile, sampleType).format(TOP).split("\n")) {
            text.append("  ").append(line).append('\n');
        }
    }
}
