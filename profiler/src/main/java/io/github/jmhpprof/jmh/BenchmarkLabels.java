package io.github.jmhpprof.jmh;

import io.github.jmhpprof.model.Labels;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.openjdk.jmh.infra.BenchmarkParams;

/** What identifies a benchmark run in labels and comments: its name, mode and @Param values. */
final class BenchmarkLabels {

    private BenchmarkLabels() {}

    /** {@code benchmark} plus one label per @Param, keyed by the param's name, with the original value. */
    static Labels of(BenchmarkParams params) {
        TreeMap<String, String> labels = new TreeMap<>();
        for (String key : params.getParamsKeys()) {
            labels.put(key, params.getParam(key));
        }
        labels.put("benchmark", params.getBenchmark());
        return new Labels(labels);
    }

    static String paramsText(BenchmarkParams params) {
        List<String> pairs = new ArrayList<>();
        for (String key : params.getParamsKeys()) {
            pairs.add(key + "=" + params.getParam(key));
        }
        return pairs.isEmpty() ? "(none)" : String.join(", ", pairs);
    }
}
