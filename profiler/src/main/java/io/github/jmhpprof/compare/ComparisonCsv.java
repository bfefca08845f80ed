package io.github.jmhpprof.compare;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/**
 * A comparison as CSV, one row per benchmark and NEW run, for scripts: numbers as plain decimals
 * (no grouping, no unit), texts quoted, {@code significant} as {@code true}/{@code false}.
 */
final class ComparisonCsv {

    static final List<String> CSV_HEADER = List.of(
            "benchmark",
            "params",
            "old_score",
            "new_score",
            "unit",
            "delta_pct",
            "p_value",
            "significant",
            "old_bytes_per_op",
            "new_bytes_per_op",
            "old_run",
            "new_run",
            "mode",
            "units",
            "old_n",
            "new_n",
            "old_spread_pct",
            "new_spread_pct",
            "old_allocs_per_op",
            "new_allocs_per_op",
            "old_cpu_ns_per_op",
            "new_cpu_ns_per_op",
            "top_cpu_change",
            "top_alloc_change",
            "cpu_diff_command",
            "alloc_diff_command");

    private ComparisonCsv() {}

    /** One CSV for one or more comparisons (one per NEW run), header first. */
    static String csv(List<Comparison> comparisons) {
        StringBuilder csv = new StringBuilder(String.join(",", CSV_HEADER)).append('\n');
        for (Comparison c : comparisons) {
            for (BenchmarkComparison r : c.rows()) {
                ScoreTest t = r.test();
                List<String> cells = List.of(
                        quote(r.benchmark()),
                        quote(r.params()),
                        number(t.oldMedian()),
                        number(t.newMedian()),
                        quote(r.newScores().unit()),
                        number(r.deltaPct()),
                        number(t.pValue()),
                        Boolean.toString(t.significant()),
                        number(r.oldScores().bytesPerOp()),
                        number(r.newScores().bytesPerOp()),
                        quote(c.oldRun().name()),
                        quote(c.newRun().name()),
                        quote(r.newScores().mode()),
                        t.byForks() ? "forks" : "iterations",
                        Integer.toString(t.oldValues().length),
                        Integer.toString(t.newValues().length),
                        number(Stats.spreadPercent(t.oldValues())),
                        number(Stats.spreadPercent(t.newValues())),
                        number(r.oldAllocsPerOp()),
                        number(r.newAllocsPerOp()),
                        number(r.oldScores().cpuNanosPerOp()),
                        number(r.newScores().cpuNanosPerOp()),
                        quote(ComparisonTables.topChange(r.cpuChanges(), "nanoseconds")),
                        quote(ComparisonTables.topChange(r.allocChanges(), "bytes")),
                        quote(
                                r.hasProfile(BenchmarkComparison.CPU_PER_OP)
                                        ? r.diffCommand(BenchmarkComparison.CPU_PER_OP)
                                        : ""),
                        quote(
                                r.hasProfile(BenchmarkComparison.ALLOC_PER_OP)
                                        ? r.diffCommand(BenchmarkComparison.ALLOC_PER_OP)
                                        : ""));
                csv.append(String.join(",", cells)).append('\n');
            }
        }
        return csv.toString();
    }

    private static String number(double v) {
        return Double.isFinite(v)
                ? new BigDecimal(v)
                        .round(MathContext.DECIMAL64)
                        .stripTrailingZeros()
                        .toPlainString()
                : "";
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
