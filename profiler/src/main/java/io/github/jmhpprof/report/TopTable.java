package io.github.jmhpprof.report;

import io.github.jmhpprof.model.Frame;
import io.github.jmhpprof.model.FunctionNames;
import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.model.Sample;
import io.github.jmhpprof.model.ValueType;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The functions of a profile as {@code go tool pprof -top} lists them, computed the way pprof
 * builds its graph: one node per function name, whether the JIT inlined it or not (pprof labels a
 * node {@code (inline)} when every call into it was inlined, {@code (partial-inline)} when some
 * were); flat to the leaf, cum once per sample; nodes with less cum than pprof's default
 * {@code -nodefraction} (0.5 % of the total) left out; sorted by flat, then name.
 */
public final class TopTable {

    /** pprof's default {@code -nodefraction}. */
    private static final double NODE_FRACTION = 0.005;

    /**
     * One row: a function, pprof's inline label ({@code ""}, {@code "(inline)"} or
     * {@code "(partial-inline)"}) and its flat and cumulative values.
     */
    public record Row(String name, String inlineLabel, long flat, long cum) {

        /** The name as pprof prints it in {@code -top}, with its inline label. */
        public String printed() {
            return inlineLabel.isEmpty() ? name : name + " " + inlineLabel;
        }
    }

    private final List<Row> rows;
    private final long total;
    private final String unit;

    private TopTable(List<Row> rows, long total, String unit) {
        this.rows = rows;
        this.total = total;
        this.unit = unit;
    }

    private static final class Node {
        long flat;
        long cum;
        boolean calledInlined;
        boolean calledNotInlined;
    }

    public static TopTable of(ProfileData profile, String sampleType) {
        int index = profile.indexOf(sampleType);
        ValueType type = profile.sampleTypes().get(index);
        FunctionNames names = FunctionNames.of(profile);
        Map<String, Node> nodes = new HashMap<>();
        // pprof's edges: inlined only if every call along them was inlined.
        Map<List<String>, Boolean> edgeInlined = new LinkedHashMap<>();
        long total = 0;
        for (Sample sample : profile.samples()) {
            long value = sample.values()[index];
            if (value == 0) {
                continue;
            }
            total += Math.abs(value);
            List<Frame> frames = sample.stack().frames();
            Set<String> seenNodes = new HashSet<>();
            Set<List<String>> seenEdges = new HashSet<>();
            String parent = null;
            for (int i = frames.size() - 1; i >= 0; i--) { // root to leaf, as pprof walks
                Frame frame = frames.get(i);
                String name = names.of(frame);
                if (seenNodes.add(name)) {
                    nodes.computeIfAbsent(name, k -> new Node()).cum += value;
                }
                List<String> edge = List.of(parent == null ? "" : parent, name);
                if (parent != null && !parent.equals(name) && seenEdges.add(edge)) {
                    edgeInlined.merge(edge, frame.inlined(), Boolean::logicalAnd);
                }
                parent = name;
            }
            nodes.get(parent).flat += value;
        }
        edgeInlined.forEach((edge, inlined) -> {
            Node callee = nodes.get(edge.get(1));
            if (inlined) {
                callee.calledInlined = true;
            } else {
                callee.calledNotInlined = true;
            }
        });
        long cutoff = Math.abs((long) (total * NODE_FRACTION));
        List<Row> rows = new ArrayList<>();
        nodes.forEach((name, n) -> {
            if (Math.abs(n.cum) >= cutoff) {
                String label = !n.calledInlined ? "" : n.calledNotInlined ? "(partial-inline)" : "(inline)";
                rows.add(new Row(name, label, n.flat, n.cum));
            }
        });
        rows.sort(Comparator.comparingLong((Row r) -> Math.abs(r.flat()))
                .reversed()
                .thenComparing(Row::name)
                .thenComparing(
                        Comparator.comparingLong((Row r) -> Math.abs(r.cum())).reversed()));
        return new TopTable(rows, total, type.unit());
    }

    /** All rows, as {@code -top} lists them (zero-flat rows included). */
    public List<Row> rows() {
        return rows;
    }

    /** The rows that cost something of their own: what a summary shows. */
    public List<Row> rowsWithFlat() {
        return rows.stream().filter(r -> r.flat() != 0).toList();
    }

    public long total() {
        return total;
    }

    /** The first rows with a flat value, laid out as {@code -top} prints them. */
    public String format(int limit) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%10s %5s%% %5s%% %10s %5s%%%n", "flat", "flat", "sum", "cum", "cum"));
        long sum = 0;
        List<Row> shown = rowsWithFlat();
        for (Row row : shown.subList(0, Math.min(limit, shown.size()))) {
            sum += row.flat();
            out.append(String.format(
                    Locale.ROOT,
                    "%10s %s %s %10s %s  %s%n",
                    Quantity.format(row.flat(), unit),
                    percentage(row.flat(), total),
                    percentage(sum, total),
                    Quantity.format(row.cum(), unit),
                    percentage(row.cum(), total),
                    row.printed()));
        }
        return out.toString();
    }

    /** A share as pprof prints it: {@code "  100%"}, {@code "59.52%"}, {@code " 0.42%"}. */
    public static String percentage(long value, long total) {
        double ratio = total == 0 ? 0 : Math.abs((double) value / total) * 100;
        if (ratio >= 99.95 && ratio <= 100.05) {
            return "  100%";
        }
        if (ratio >= 1.0) {
            // Go rounds an exact tie to even (90.625 -> 90.62); String.format would round it up.
            return String.format(
                    Locale.ROOT,
                    "%5s%%",
                    new BigDecimal(ratio).setScale(2, RoundingMode.HALF_EVEN).toPlainString());
        }
        return String.format(Locale.ROOT, "%5s%%", goG2(ratio));
    }

    /** Go's {@code %.2g}: two significant digits, shortest form, no trailing zeros. */
    private static String goG2(double v) {
        if (v == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(2, RoundingMode.HALF_EVEN));
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4) {
            String mantissa =
                    rounded.movePointRight(-exponent).stripTrailingZeros().toPlainString();
            return String.format(Locale.ROOT, "%se-%02d", mantissa, -exponent);
        }
        return rounded.stripTrailingZeros().toPlainString();
    }
}
