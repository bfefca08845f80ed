package io.github.jmhpprof.compare;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * An old run against a new one: a row per benchmark × params present in both, the geometric mean
 * of the changes, and the benchmarks only one run has.
 *
 * @param oldRun  the base
 * @param newRun  the run compared with it
 * @param alpha   significance level of the U-test
 * @param rows    benchmarks in both runs
 * @param onlyOld keys of benchmarks missing from the new run
 * @param onlyNew keys of benchmarks missing from the old run
 */
public record Comparison(
        Run oldRun,
        Run newRun,
        double alpha,
        List<BenchmarkComparison> rows,
        List<String> onlyOld,
        List<String> onlyNew) {

    /** How rows are ordered. */
    public enum Order {
        /** as the old run lists them */
        INPUT,
        /** by benchmark name and params */
        NAME,
        /** most slowed down first */
        DELTA;

        public static Order parse(String value) {
            return switch (value) {
                case "input" -> INPUT;
                case "name" -> NAME;
                case "delta" -> DELTA;
                default ->
                    throw new IllegalArgumentException(
                            "--sort " + value + ": use name, delta (most slowed down first) or input");
            };
        }
    }

    public static Comparison of(Run oldRun, Run newRun, double alpha, int topFunctions, Order order)
            throws IOException {
        List<BenchmarkComparison> rows = new ArrayList<>();
        List<String> onlyOld = new ArrayList<>();
        for (Map.Entry<String, BenchmarkScores> e : oldRun.benchmarks().entrySet()) {
            BenchmarkScores newScores = newRun.benchmarks().get(e.getKey());
            if (newScores == null) {
                onlyOld.add(e.getKey());
                continue;
            }
            if (!newScores.unit().equals(e.getValue().unit())) {
                throw new IOException(e.getKey() + " is in " + e.getValue().unit() + " in " + oldRun.name() + " but in "
                        + newScores.unit() + " in " + newRun.name() + ": run both with the same -tu");
            }
            rows.add(BenchmarkComparison.of(
                    e.getValue(),
                    oldRun.folders().get(e.getKey()),
                    newScores,
                    newRun.folders().get(e.getKey()),
                    alpha,
                    topFunctions));
        }
        List<String> onlyNew = newRun.benchmarks().keySet().stream()
                .filter(k -> !oldRun.benchmarks().containsKey(k))
                .toList();
        switch (order) {
            case NAME ->
                rows.sort(Comparator.comparing(BenchmarkComparison::benchmark)
                        .thenComparing(BenchmarkComparison::params));
            case DELTA ->
                rows.sort(Comparator.comparingDouble(BenchmarkComparison::deltaPct)
                        .reversed());
            case INPUT -> {}
        }
        return new Comparison(oldRun, newRun, alpha, List.copyOf(rows), List.copyOf(onlyOld), onlyNew);
    }

    /** Geometric mean of new ÷ old time per operation over all rows, as a change in %; NaN without rows. */
    public double geomeanDeltaPct() {
        double logSum = 0;
        int n = 0;
        for (BenchmarkComparison row : rows) {
            double ratio = row.timeRatio();
            if (ratio > 0 && Double.isFinite(ratio)) {
                logSum += Math.log(ratio);
                n++;
            }
        }
        return n == 0 ? Double.NaN : (Math.exp(logSum / n) - 1) * 100;
    }
}
