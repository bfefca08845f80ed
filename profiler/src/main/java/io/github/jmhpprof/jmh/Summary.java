package io.github.jmhpprof.jmh;

import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.report.Quantity;
import io.github.jmhpprof.report.TopTable;

import java.nio.file.Path;
import java.util.Locale;

/** The text JMH prints for one benchmark: the files written and their top functions. */
final class Summary {

    private static final int TOP = 10;

    private final StringBuilder text = new StringBuilder();
    private final Path folder;

    Summary(String benchmarkId, Path folder) {
        this.folder = folder;
        text.append("pprof profiles of ").append(benchmarkId).append('\n');
    }

    void cpu(ProfileData profile, long samples, long lost, long threadCpuNanos, double coverage, String sampler) {
        Path file = folder.resolve("cpu.pb.gz");
        text.append(String.format(Locale.ROOT, "%n  %s: %d samples%s, %s of CPU in the profile; benchmark threads used %s (coverage %.2f)%n",
                file, samples, lost > 0 ? " + " + lost + " lost" : "", Quantity.format(profile.total(1), "nanoseconds"),
                Quantity.format(threadCpuNanos, "nanoseconds"), coverage));
        text.append("  sampler: ").append(sampler).append('\n');
        if (coverage < 0.8 || coverage > 1.2) {
            text.append(String.format(Locale.ROOT,
                    "  WARNING: the profile accounts for %.0f%% of the benchmark threads' CPU time; flat values are %s%n",
                    100 * coverage, coverage < 0.8 ? "understated" : "overstated"));
        }
        appendTop(profile, "cpu");
    }

    void alloc(ProfileData profile, long samples, long exactBytes, long uncalibratedBytes, long operations) {
        Path file = folder.resolve("alloc.pb.gz");
        text.append(String.format(Locale.ROOT, "%n  %s: %d samples, scaled to %s allocated exactly (%s/op over %d ops)%n",
                file, samples, Quantity.format(exactBytes, "bytes"),
                operations == 0 ? "?" : Quantity.format((double) exactBytes / operations, "bytes"), operations));
        if (uncalibratedBytes > 0) {
            text.append("  note: ").append(Quantity.format(uncalibratedBytes, "bytes"))
                    .append(" from threads that ended mid-iteration are JFR's estimate, not exact\n");
        }
        appendTop(profile, "alloc_space");
    }

    private void appendTop(ProfileData profile, String sampleType) {
        if (profile.isEmpty()) {
            text.append("  (no samples)\n");
            return;
        }
        text.append("  top ").append(TOP).append(" by ").append(sampleType).append(":\n");
        for (String line : TopTable.of(profile, sampleType).format(TOP).split("\n")) {
            text.append("  ").append(line).append('\n');
        }
    }

    String text() {
        return text.toString();
    }
}
