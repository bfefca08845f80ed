package io.github.jmhpprof.selfbench;

import java.util.List;

/** Medians and quartiles; NaN values are left out. */
final class Stats {

    private Stats() {}

    static double quantile(List<Double> values, double q) {
        double[] v = values.stream()
                .filter(d -> d != null && !d.isNaN())
                .mapToDouble(Double::doubleValue)
                .sorted()
                .toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        double pos = q * (v.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return v[lo] + (v[hi] - v[lo]) * (pos - lo);
    }

    static double median(List<Double> values) {
        return quantile(values, 0.5);
    }
}
