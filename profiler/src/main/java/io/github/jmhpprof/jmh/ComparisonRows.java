package io.github.jmhpprof.jmh;

import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.model.ProfileKind;
import io.github.jmhpprof.recording.SamplerText;
import io.github.jmhpprof.report.ComparisonRow;
import io.github.jmhpprof.report.TopTable;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;

/** Builds a benchmark's row of the comparison report from its merged profiles and fork reports. */
final class ComparisonRows {

    private ComparisonRows() {}

    /** A row for a benchmark without profiles, saying why. */
    static ComparisonRow missing(BenchmarkParams benchmark, String note) {
        return new ComparisonRow(
                benchmark.getBenchmark(),
                params(benchmark),
                Double.NaN,
                "",
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                "-",
                "-",
                note,
                BenchmarkFolderName.of(benchmark.id()));
    }

    private static String params(BenchmarkParams benchmark) {
        return benchmark.getParamsKeys().isEmpty() ? "" : BenchmarkLabels.paramsText(benchmark);
    }

    static ComparisonRow of(
            BenchmarkParams benchmark, Map<ProfileKind, ProfileData> profiles, ForkReport total, String note) {
        double ops = total.operations();
        ProfileData alloc = profiles.get(ProfileKind.ALLOC);
        ProfileData cpu = profiles.get(ProfileKind.CPU);
        double bytesPerOp = alloc == null ? Double.NaN : total.meanBytesPerOp();
        double allocsPerOp = alloc == null || ops == 0 ? Double.NaN : alloc.total(alloc.indexOf("alloc_objects")) / ops;
        double cpuPerOp = cpu == null || ops == 0 ? Double.NaN : total.cpu().profileNanos() / ops;
        double coverage = cpu == null ? Double.NaN : total.coverage();
        String lost = cpu == null ? "" : LostCpuSamples.warning(total).orElse("");
        String fullNote = Notes.join(
                total.hasFailed() ? "no profiles: " + total.failure() : lost,
                note,
                alloc != null
                                && SamplerText.isBufferRefillSampled(
                                        total.memory().allocSampler())
                        ? SamplerText.JFR_NOTE
                        : "");
        return new ComparisonRow(
                benchmark.getBenchmark(),
                params(benchmark),
                total.meanScore(),
                total.score().unit(),
                bytesPerOp,
                allocsPerOp,
                cpuPerOp,
                coverage,
                top(alloc, "alloc_space"),
                top(cpu, "cpu"),
                fullNote,
                BenchmarkFolderName.of(benchmark.id()));
    }

    private static String top(ProfileData profile, String sampleType) {
        if (profile == null || profile.isEmpty()) {
            return "-";
        }
        TopTable top = TopTable.of(profile, sampleType);
        TopTable.Row first = top.rows().get(0);
        return String.format(Locale.ROOT, "%s (%.0f%%)", first.name(), 100.0 * first.flat() / Math.max(1, top.total()));
    }
}
