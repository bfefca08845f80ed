package io.github.jmhpprof.report;

import io.github.jmhpprof.model.Frame;
import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.model.Sample;
import io.github.jmhpprof.model.ValueType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The functions with the most flat value in a profile, laid out as {@code go tool pprof -top}
 * prints them (flat, flat%, sum%, cum, cum%, name; {@code (inline)} on inlined frames).
 */
public final class TopTable {

    /** One row: a function and its flat and cumulative values. */
    public record Row(String name, long flat, long cum) {
    }

    private final List<Row> rows;
    private final long total;
    private final String unit;

    private TopTable(List<Row> rows, long total, String unit) {
        this.rows = rows;
        this.total = total;
        this.unit = unit;
    }

    public static TopTable of(ProfileData profile, String sampleType) {
        int index = profile.indexOf(sampleType);
        ValueType type = profile.sampleTypes().get(index);
        Map<String, long[]> byName = new HashMap<>();
        for (Sample sample : profile.samples()) {
            long value = sample.values()[index];
            List<Frame> frames = sample.stack().frames();
            byName.computeIfAbsent(nodeName(frames.get(0)), k -> new long[2])[0] += value;
            Set<String> seen = new HashSet<>();
            for (Frame frame : frames) {
                String name = nodeName(frame);
                if (seen.add(name)) {
                    byName.computeIfAbsent(name, k -> new long[2])[1] += value;
                }
            }
        }
        List<Row> rows = new ArrayList<>();
        byName.forEach((name, v) -> rows.add(new Row(name, v[0], v[1])));
        rows.sort(Comparator.comparingLong(Row::flat).reversed().thenComparing(Comparator.comparingLong(Row::cum).reversed())
                .thenComparing(Row::name));
        return new TopTable(rows, profile.total(index), type.unit());
    }

    private static String nodeName(Frame frame) {
        return frame.inlined() ? frame.functionName() + " (inline)" : frame.functionName();
    }

    public List<Row> rows() {
        return rows;
    }

    public long total() {
        return total;
    }

    public String format(int limit) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%10s %6s %6s %10s %6s%n", "flat", "flat%", "sum%", "cum", "cum%"));
        long sum = 0;
        for (Row row : rows.subList(0, Math.min(limit, rows.size()))) {
            sum += row.flat();
            out.append(String.format(Locale.ROOT, "%10s %6s %6s %10s %6s  %s%n",
                    Quantity.format(row.flat(), unit), percent(row.flat()), percent(sum),
                    Quantity.format(row.cum(), unit), percent(row.cum()), row.name()));
        }
        return out.toString();
    }

    private String percent(long value) {
        return total == 0 ? "-" : String.format(Locale.ROOT, "%.2f%%", 100.0 * value / total);
    }
}
