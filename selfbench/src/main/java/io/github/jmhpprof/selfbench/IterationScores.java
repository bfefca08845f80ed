package io.github.jmhpprof.selfbench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the measurement iterations' scores from JMH's output, by benchmark key. */
final class IterationScores {

    private static final Pattern BENCHMARK = Pattern.compile("^# Benchmark: (\\S+)");
    private static final Pattern PARAMETERS = Pattern.compile("^# Parameters: \\((.*)\\)");
    private static final Pattern ITERATION = Pattern.compile("^Iteration\\s+\\d+: (\\S+) \\S+");

    private IterationScores() {}

    static Map<String, List<Double>> parse(String output) {
        Map<String, List<Double>> scores = new LinkedHashMap<>();
        String benchmark = null;
        String params = "";
        for (String line : output.split("\n")) {
            Matcher m;
            if ((m = BENCHMARK.matcher(line)).find()) {
                benchmark = m.group(1);
                params = "";
            } else if ((m = PARAMETERS.matcher(line)).find()) {
                params = m.group(1).replace(" = ", "=");
            } else if ((m = ITERATION.matcher(line)).find() && benchmark != null) {
                try {
                    scores.computeIfAbsent(Keys.of(benchmark, params), k -> new ArrayList<>())
                            .add(Double.parseDouble(m.group(1)));
                } catch (NumberFormatException e) {
                    // "≈ 0" and the like: not a score this report can use
                }
            }
        }
        return scores;
    }
}
