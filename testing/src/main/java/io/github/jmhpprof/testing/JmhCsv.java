package io.github.jmhpprof.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JMH's {@code -rf csv} result file, read by its header: one row per benchmark and {@code @Param}
 * combination, and one per secondary result, whose {@code Benchmark} column is
 * {@code <benchmark>:<result>} (e.g. {@code ...ConcatBenchmark.plus:gc.alloc.rate.norm}).
 */
public final class JmhCsv {

    private final List<String> header;
    private final List<Map<String, String>> rows;

    private JmhCsv(List<String> header, List<Map<String, String>> rows) {
        this.header = header;
        this.rows = rows;
    }

    public static JmhCsv read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty()) {
            throw new IllegalStateException("empty JMH result file " + file);
        }
        List<String> header = fields(lines.get(0));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            if (line.isEmpty()) {
                continue;
            }
            List<String> values = fields(line);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), i < values.size() ? values.get(i) : "");
            }
            rows.add(row);
        }
        return new JmhCsv(header, rows);
    }

    /** The column names, e.g. {@code Benchmark}, {@code Mode}, {@code Score}, {@code Param: n}. */
    public List<String> header() {
        return header;
    }

    /** Every row as column name to value, in the file's order. */
    public List<Map<String, String>> rows() {
        return rows;
    }

    /** The score of the one row whose {@code Benchmark} column is {@code benchmark}. */
    public double score(String benchmark) {
        List<String> names = new ArrayList<>();
        for (Map<String, String> row : rows) {
            if (row.get("Benchmark").equals(benchmark)) {
                return Double.parseDouble(row.get("Score"));
            }
            names.add(row.get("Benchmark"));
        }
        throw new AssertionError("no result " + benchmark + " in " + names);
    }

    /**
     * The fields of one CSV line (RFC 4180): a quoted field may hold commas, and a doubled quote
     * inside it stands for one quote.
     */
    public static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}
