package io.github.jmhpprof.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads JMH's {@code -rf csv} results: score by benchmark name (secondary results as {@code name:label}). */
final class JmhCsv {

    private final Map<String, Double> scores = new HashMap<>();

    private JmhCsv() {
    }

    static JmhCsv read(Path csv) throws IOException {
        JmhCsv result = new JmhCsv();
        List<String> lines = Files.readAllLines(csv);
        List<String> header = fields(lines.get(0));
        int name = header.indexOf("Benchmark");
        int score = header.indexOf("Score");
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = fields(line);
            result.scores.put(f.get(name), Double.parseDouble(f.get(score)));
        }
        return result;
    }

    /** The score of {@code benchmark} (e.g. {@code ...ConcatBenchmark.plus:gc.alloc.rate.norm}). */
    double score(String benchmark) {
        Double s = scores.get(benchmark);
        if (s == null) {
            throw new AssertionError("no result " + benchmark + " in " + scores.keySet());
        }
        return s;
    }

    /** The fields of one CSV line; quotes group, and a doubled quote inside them is dropped as JMH never writes one. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (char c : line.toCharArray()) {
            if (c == '"') {
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
