package io.github.jmhpprof.selfbench;

import io.github.jmhpprof.testing.JmhCsv;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JMH's CSV result file (-rf csv) as results by benchmark key: primary scores with their secondary results. */
final class ResultsCsv {

    private ResultsCsv() {}

    static Map<String, BenchResult> read(Path file) throws IOException {
        JmhCsv csv = JmhCsv.read(file);
        Map<String, BenchResult> results = new LinkedHashMap<>();
        Map<String, Map<String, Double>> secondaries = new HashMap<>();
        for (Map<String, String> row : csv.rows()) {
            List<String> params = new ArrayList<>();
            row.forEach((column, value) -> {
                if (column.startsWith("Param: ") && !value.isEmpty()) {
                    params.add(column.substring("Param: ".length()) + "=" + value);
                }
            });
            String name = row.get("Benchmark");
            int colon = name.indexOf(':');
            String key = Keys.of(colon < 0 ? name : name.substring(0, colon), String.join(", ", params));
            double value = number(row.get("Score"));
            if (colon < 0) {
                Map<String, Double> secondary = secondaries.computeIfAbsent(key, k -> new HashMap<>());
                results.put(key, new BenchResult(key, value, row.get("Unit"), secondary));
            } else {
                secondaries.computeIfAbsent(key, k -> new HashMap<>()).put(name.substring(colon + 1), value);
            }
        }
        return results;
    }

    private static double number(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
