package io.github.jmhpprof.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Like benchstat, but for profiles: one row per benchmark × params with exact B/op, allocs/op,
 * CPU per op and where the allocations and the CPU time go. Written as Markdown and CSV, and
 * printed at the end of the run.
 */
public final class ComparisonReport {

    private static final String[] HEADER = {
        "Benchmark",
        "Params",
        "Score",
        "Unit",
        "B/op",
        "allocs/op",
        "CPU ns/op",
        "CPU coverage",
        "Top allocation site",
        "Top CPU function",
        "Note",
        "Folder"
    };

    private final List<ComparisonRow> rows;

    public ComparisonReport(List<ComparisonRow> rows) {
        this.rows = List.copyOf(rows);
    }

    public String markdown() {
        StringBuilder md = new StringBuilder("# jmh-pprof comparison\n\n");
        md.append("Per operation. B/op is exact (ThreadMXBean); allocs/op is estimated; CPU ns/op is what the CPU "
                + "profile accounts for (see coverage). Profiles per operation: `<benchmark>/*-per-op.pb.gz`.\n\n");
        md.append("| ").append(String.join(" | ", HEADER)).append(" |\n");
        md.append("|").append(" --- |".repeat(HEADER.length)).append('\n');
        for (List<String> cells : cells()) {
            md.append("| ")
                    .append(String.join(
                            " | ",
                            cells.stream().map(c -> c.replace("|", "\\|")).toList()))
                    .append(" |\n");
        }
        return md.toString();
    }

    public String csv() {
        StringBuilder csv = new StringBuilder(String.join(",", HEADER)).append('\n');
        for (ComparisonRow r : rows) {
            csv.append(String.join(
                            ",",
                            quote(r.benchmark()),
                            quote(r.params()),
                            raw(r.score()),
                            quote(r.scoreUnit()),
                            raw(r.bytesPerOp()),
                            raw(r.allocsPerOp()),
                            raw(r.cpuNanosPerOp()),
                            raw(r.coverage()),
                            quote(r.topAllocSite()),
                            quote(r.topCpuFunction()),
                            quote(r.note()),
                            quote(r.folder())))
                    .append('\n');
        }
        return csv.toString();
    }

    /** A plain-text table for the console. */
    public String text() {
        List<List<String>> all = new ArrayList<>();
        all.add(List.of(HEADER));
        all.addAll(cells());
        int[] widths = new int[HEADER.length];
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : all) {
            for (int i = 0; i < row.size(); i++) {
                boolean numeric = i >= 2 && i <= 7;
                String format = numeric ? "%" + widths[i] + "s" : "%-" + widths[i] + "s";
                out.append(String.format(Locale.ROOT, format, row.get(i))).append(i < row.size() - 1 ? "  " : "");
            }
            out.append('\n');
        }
        return out.toString();
    }

    private List<List<String>> cells() {
        List<List<String>> cells = new ArrayList<>();
        for (ComparisonRow r : rows) {
            cells.add(List.of(
                    r.benchmark(),
                    r.params(),
                    fixed(r.score(), 3),
                    r.scoreUnit(),
                    fixed(r.bytesPerOp(), 1),
                    fixed(r.allocsPerOp(), 2),
                    fixed(r.cpuNanosPerOp(), 1),
                    fixed(r.coverage(), 2),
                    r.topAllocSite(),
                    r.topCpuFunction(),
                    r.note(),
                    r.folder()));
        }
        return cells;
    }

    private static String fixed(double v, int decimals) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    private static String raw(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static String quote(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }
}
