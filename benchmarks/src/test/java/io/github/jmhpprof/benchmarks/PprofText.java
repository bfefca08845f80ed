package io.github.jmhpprof.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the human-readable reports of {@code go tool pprof} ({@code -top}, {@code -traces},
 * {@code -tags}) back into numbers, so tests can compare what the viewer shows with the
 * totals of {@code -raw}.
 */
final class PprofText {

    /** One row of {@code -top}: values in base units (ns, bytes or a count). */
    record TopRow(double flat, double flatPercent, double cum, double cumPercent, String name, boolean inline) {}

    /** One {@code -traces} block: its labels, its value and its frames, leaf first. */
    record Trace(Map<String, String> labels, double value, List<String> frames) {}

    private static final String QUANTITY = "-?\\d+(?:\\.\\d+)?(?:[a-zA-Z]+)?";
    private static final Pattern TOP_ROW = Pattern.compile("^\\s*(" + QUANTITY + ")\\s+(-?[\\d.]+)%\\s+(-?[\\d.]+)%"
            + "\\s+(" + QUANTITY + ")\\s+(-?[\\d.]+)%\\s+(.+?)( \\(inline\\))?\\s*$");
    private static final Pattern OF_TOTAL = Pattern.compile("% of (" + QUANTITY + ") total");
    private static final Pattern SHOWING = Pattern.compile("Showing nodes accounting for (" + QUANTITY + "), ");
    private static final Pattern QUANTITY_PARTS = Pattern.compile("^(-?\\d+(?:\\.\\d+)?)([a-zA-Z]*)$");
    private static final Pattern TRACE_LABEL = Pattern.compile("^\\s*(\\S+):\\s+(.*?)\\s*$");
    private static final Pattern TRACE_VALUE =
            Pattern.compile("^\\s*(" + QUANTITY + ")\\s+(.+?)(?: \\(inline\\))?\\s*$");
    private static final Pattern TAG_TOTAL = Pattern.compile("^\\s*(\\S+): Total (" + QUANTITY + ")\\s*$");
    private static final Pattern TAG_VALUE = Pattern.compile("^\\s*(" + QUANTITY + ") \\(\\s*[\\d.]+%\\): (.*?)\\s*$");

    private static final Map<String, Double> UNITS = Map.ofEntries(
            Map.entry("", 1.0),
            Map.entry("ns", 1.0),
            Map.entry("us", 1e3),
            Map.entry("ms", 1e6),
            Map.entry("s", 1e9),
            Map.entry("mins", 60e9),
            Map.entry("hrs", 3600e9),
            // pprof's memory units are powers of 1024.
            Map.entry("B", 1.0),
            Map.entry("kB", 1024.0),
            Map.entry("MB", 1024.0 * 1024),
            Map.entry("GB", 1024.0 * 1024 * 1024),
            Map.entry("TB", 1024.0 * 1024 * 1024 * 1024));

    private PprofText() {}

    /** A value as pprof prints it ({@code 1.44s}, {@code 270ms}, {@code 10.52GB}, {@code 3128}) in base units. */
    static double quantity(String text) {
        Matcher m = QUANTITY_PARTS.matcher(text.trim());
        if (!m.matches() || !UNITS.containsKey(m.group(2))) {
            throw new AssertionError("not a pprof quantity: '" + text + "'");
        }
        return Double.parseDouble(m.group(1)) * UNITS.get(m.group(2));
    }

    /** True when the text is a pprof quantity whose unit is one of the given ones. */
    static boolean hasUnit(String text, String... units) {
        Matcher m = QUANTITY_PARTS.matcher(text.trim());
        return m.matches() && List.of(units).contains(m.group(2));
    }

    /** The {@code Total samples = X} of a report header. */
    /**
     * The T of {@code Showing nodes accounting for X, P% of T total}: the profile's total. (The
     * {@code Total samples =} line is absent from per-op profiles, which have no duration.)
     */
    static double total(String report) {
        Matcher m = OF_TOTAL.matcher(report);
        if (!m.find()) {
            throw new AssertionError("no '... of T total' in:\n" + report);
        }
        return quantity(m.group(1));
    }

    /** The X of {@code Showing nodes accounting for X, ...}. */
    static double showing(String report) {
        Matcher m = SHOWING.matcher(report);
        if (!m.find()) {
            throw new AssertionError("no 'Showing nodes accounting for' in:\n" + report);
        }
        return quantity(m.group(1));
    }

    static List<TopRow> topRows(String top) {
        List<TopRow> rows = new ArrayList<>();
        for (String line : top.split("\n")) {
            Matcher m = TOP_ROW.matcher(line);
            if (m.matches()) {
                rows.add(new TopRow(
                        quantity(m.group(1)),
                        Double.parseDouble(m.group(2)),
                        quantity(m.group(4)),
                        Double.parseDouble(m.group(5)),
                        m.group(6),
                        m.group(7) != null));
            }
        }
        if (rows.isEmpty()) {
            throw new AssertionError("no rows in -top output:\n" + top);
        }
        return rows;
    }

    static Optional<TopRow> row(List<TopRow> rows, String name) {
        return rows.stream().filter(r -> r.name().equals(name)).findFirst();
    }

    /** The first row whose function name matches the regular expression. */
    static Optional<TopRow> rowMatching(List<TopRow> rows, String regex) {
        Pattern pattern = Pattern.compile(regex);
        return rows.stream().filter(r -> pattern.matcher(r.name()).matches()).findFirst();
    }

    /** Synthetic frames such as {@code [lost samples]}: no caller, no source. */
    static boolean isSynthetic(String function) {
        return function.startsWith("[") && function.endsWith("]");
    }

    static List<Trace> traces(String output) {
        List<Trace> traces = new ArrayList<>();
        String[] blocks = output.split("(?m)^-+\\+-+$");
        for (int i = 1; i < blocks.length; i++) {
            if (blocks[i].isBlank()) {
                continue; // after the closing separator
            }
            Map<String, String> labels = new LinkedHashMap<>();
            List<String> frames = new ArrayList<>();
            Double value = null;
            for (String line : blocks[i].split("\n")) {
                if (line.isBlank()) {
                    continue;
                }
                Matcher v = TRACE_VALUE.matcher(line);
                Matcher l = TRACE_LABEL.matcher(line);
                if (value == null && v.matches()) {
                    value = quantity(v.group(1));
                    frames.add(v.group(2));
                } else if (value == null && l.matches()) {
                    labels.put(l.group(1), l.group(2));
                } else if (value != null) {
                    frames.add(line.trim().replace(" (inline)", ""));
                } else {
                    throw new AssertionError("unexpected line in -traces block: '" + line + "'\n" + blocks[i]);
                }
            }
            if (value == null) {
                throw new AssertionError("-traces block without a value:\n" + blocks[i]);
            }
            traces.add(new Trace(labels, value, frames));
        }
        return traces;
    }

    /** {@code -tags}: total by tag key, as printed ({@code 1.4s}, {@code 10.5GB}). */
    static Map<String, String> tagTotals(String output) {
        Map<String, String> totals = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            Matcher m = TAG_TOTAL.matcher(line);
            if (m.matches()) {
                totals.put(m.group(1), m.group(2));
            }
        }
        return totals;
    }

    /**
     * True when a printed quantity is the exact value (in base units) rounded to the given
     * number of decimals in the printed unit: {@code 1.4s} for 1,440,000,000 ns with one decimal.
     */
    static boolean isRounded(String printed, double exact, int decimals) {
        Matcher m = QUANTITY_PARTS.matcher(printed.trim());
        if (!m.matches() || !UNITS.containsKey(m.group(2))) {
            throw new AssertionError("not a pprof quantity: '" + printed + "'");
        }
        double inUnit = exact / UNITS.get(m.group(2));
        return Math.abs(Double.parseDouble(m.group(1)) - inUnit) <= 0.5 * Math.pow(10, -decimals) + 1e-9;
    }

    /** {@code -tags}: the values listed under one tag key. */
    static List<String> tagValues(String output, String key) {
        List<String> values = new ArrayList<>();
        boolean inKey = false;
        for (String line : output.split("\n")) {
            Matcher total = TAG_TOTAL.matcher(line);
            if (total.matches()) {
                inKey = total.group(1).equals(key);
                continue;
            }
            Matcher value = TAG_VALUE.matcher(line);
            if (inKey && value.matches()) {
                values.add(value.group(2));
            }
        }
        return values;
    }
}
