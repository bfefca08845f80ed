package io.github.jmhpprof.compare;

import io.github.jmhpprof.report.Quantity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A comparison written as a terminal table and Markdown ({@link ComparisonCsv} writes the CSV). Scores are medians (of fork
 * medians, or of iterations; see {@link ScoreTest}) with their spread; the delta is {@code ~}
 * where the U-test does not find the difference significant, as benchstat prints it.
 */
public final class ComparisonTables {

    private static final List<String> HEADER = List.of(
            "benchmark",
            "params",
            "old",
            "new",
            "unit",
            "delta",
            "p",
            "B/op old → new",
            "allocs/op old → new",
            "CPU ns/op old → new");
    private static final int NUMERIC_FROM = 2;

    private ComparisonTables() {}

    /** For the terminal: the table, the geomean, then per benchmark what moved and the diff command. */
    public static String text(Comparison c) {
        StringBuilder out = new StringBuilder();
        out.append(title(c)).append("\n\n");
        List<List<String>> table = new ArrayList<>();
        table.add(HEADER);
        table.addAll(cells(c));
        table.add(geomeanCells(c));
        int[] widths = new int[HEADER.size()];
        for (List<String> row : table) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        for (List<String> row : table) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String format = i >= NUMERIC_FROM && i != 4 ? "%" + widths[i] + "s" : "%-" + widths[i] + "s";
                line.append(String.format(Locale.ROOT, format, row.get(i))).append("  ");
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        out.append(footnotes(c));
        for (BenchmarkComparison row : c.rows()) {
            out.append('\n')
                    .append(name(c, row))
                    .append(row.params().isEmpty() ? "" : " (" + row.params() + ")")
                    .append('\n');
            for (String line : moved(row)) {
                out.append("  ").append(line).append('\n');
            }
        }
        return out.toString();
    }

    public static String markdown(Comparison c) {
        StringBuilder md = new StringBuilder("## ").append(title(c)).append("\n\n");
        md.append("| ").append(String.join(" | ", HEADER)).append(" |\n|");
        for (int i = 0; i < HEADER.size(); i++) {
            md.append(i >= NUMERIC_FROM && i != 4 ? " ---: |" : " --- |");
        }
        md.append('\n');
        List<List<String>> rows = new ArrayList<>(cells(c));
        rows.add(geomeanCells(c));
        for (List<String> row : rows) {
            md.append("| ")
                    .append(String.join(
                            " | ", row.stream().map(s -> s.replace("|", "\\|")).toList()))
                    .append(" |\n");
        }
        md.append('\n').append(footnotes(c));
        for (BenchmarkComparison row : c.rows()) {
            md.append("\n### ")
                    .append(name(c, row))
                    .append(row.params().isEmpty() ? "" : " (" + row.params() + ")")
                    .append("\n\n");
            for (String line : moved(row)) {
                md.append(line.startsWith("go tool") ? "    " + line : "- " + line)
                        .append('\n');
            }
        }
        return md.toString();
    }

    private static String title(Comparison c) {
        return "jmh-pprof compare: " + c.oldRun().name() + " → " + c.newRun().name();
    }

    private static List<List<String>> cells(Comparison c) {
        List<List<String>> rows = new ArrayList<>();
        for (BenchmarkComparison r : c.rows()) {
            ScoreTest t = r.test();
            rows.add(List.of(
                    name(c, r),
                    r.params(),
                    score(t.oldMedian(), t.oldValues()),
                    score(t.newMedian(), t.newValues()),
                    r.newScores().unit(),
                    t.significant() ? signedPercent(r.deltaPct()) : "~",
                    (Double.isNaN(t.pValue()) ? "-" : String.format(Locale.ROOT, "p=%.3f", t.pValue())) + " "
                            + t.sizes(),
                    fixed(r.oldScores().bytesPerOp(), 1) + " → "
                            + fixed(r.newScores().bytesPerOp(), 1),
                    fixed(r.oldAllocsPerOp(), 2) + " → " + fixed(r.newAllocsPerOp(), 2),
                    fixed(r.oldScores().cpuNanosPerOp(), 1) + " → "
                            + fixed(r.newScores().cpuNanosPerOp(), 1)));
        }
        return rows;
    }

    private static List<String> geomeanCells(Comparison c) {
        double g = c.geomeanDeltaPct();
        return List.of("geomean", "", "", "", "", Double.isNaN(g) ? "-" : signedPercent(g), "", "", "", "");
    }

    private static String footnotes(Comparison c) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(
                Locale.ROOT,
                "delta: change of the time per operation (positive = NEW slower), "
                        + "~ = not significant at alpha=%s (two-sided Mann-Whitney U-test); geomean over all rows.%n",
                plain(c.alpha())));
        if (c.rows().stream().anyMatch(r -> !r.test().byForks())) {
            out.append(
                    "iterations: too few forks for the test over fork medians to reach alpha; iterations were tested "
                            + "instead, which ignores fork-to-fork variance and overstates significance (use -f 4 or more).\n");
        }
        for (String key : c.onlyOld()) {
            out.append("only in ")
                    .append(c.oldRun().name())
                    .append(": ")
                    .append(key)
                    .append('\n');
        }
        for (String key : c.onlyNew()) {
            out.append("only in ")
                    .append(c.newRun().name())
                    .append(": ")
                    .append(key)
                    .append('\n');
        }
        return out.toString();
    }

    /** Where the change is, function by function, and how to look at it. */
    private static List<String> moved(BenchmarkComparison r) {
        List<String> lines = new ArrayList<>();
        for (FunctionChanges.Change ch : r.cpuChanges()) {
            lines.add("CPU/op   " + change(ch, "nanoseconds"));
        }
        for (FunctionChanges.Change ch : r.allocChanges()) {
            lines.add("bytes/op " + change(ch, "bytes"));
        }
        for (String file : List.of(BenchmarkComparison.CPU_PER_OP, BenchmarkComparison.ALLOC_PER_OP)) {
            if (r.hasProfile(file)) {
                lines.add(r.diffCommand(file));
            }
        }
        return lines;
    }

    private static String change(FunctionChanges.Change ch, String unit) {
        return String.format(
                Locale.ROOT,
                "%10s  %s (%s → %s)",
                signed(ch.delta(), unit),
                ch.function(),
                Quantity.format(ch.oldPerOp(), unit),
                Quantity.format(ch.newPerOp(), unit));
    }

    static String topChange(List<FunctionChanges.Change> changes, String unit) {
        return changes.isEmpty()
                ? ""
                : changes.get(0).function() + " " + signed(changes.get(0).delta(), unit);
    }

    private static String signed(double value, String unit) {
        return (value > 0 ? "+" : "") + Quantity.format(value, unit);
    }

    /** The benchmark without the package all rows share. */
    private static String name(Comparison c, BenchmarkComparison row) {
        String pkg = packageOf(row.benchmark());
        boolean shared =
                c.rows().stream().allMatch(r -> packageOf(r.benchmark()).equals(pkg));
        return shared && !pkg.isEmpty() ? row.benchmark().substring(pkg.length() + 1) : row.benchmark();
    }

    /** {@code a.b} of {@code a.b.Class.method}. */
    private static String packageOf(String benchmark) {
        int method = benchmark.lastIndexOf('.');
        int cls = method > 0 ? benchmark.lastIndexOf('.', method - 1) : -1;
        return cls > 0 ? benchmark.substring(0, cls) : "";
    }

    private static String score(double median, double[] values) {
        if (Double.isNaN(median)) {
            return "-";
        }
        double spread = Stats.spreadPercent(values);
        return significant(median) + (Double.isNaN(spread) ? "" : String.format(Locale.ROOT, " ±%.0f%%", spread));
    }

    /** Four significant digits, grouped: 12.35, 1,235, 123,457. */
    private static String significant(double v) {
        if (v == 0) {
            return "0";
        }
        int decimals = Math.max(0, 3 - (int) Math.floor(Math.log10(Math.abs(v))));
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    private static String signedPercent(double v) {
        return String.format(Locale.ROOT, "%+.1f%%", v);
    }

    private static String fixed(double v, int decimals) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    /** A number as the user typed it: 0.05, 10, 2.5. */
    static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
