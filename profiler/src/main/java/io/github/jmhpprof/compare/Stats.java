package io.github.jmhpprof.compare;

import java.util.Arrays;

/** Medians and spreads of benchmark scores. */
final class Stats {

    private Stats() {}

    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    /** The largest distance of a value from the median, in % of the median: benchstat's "±" in its simplest form. */
    static double spreadPercent(double[] values) {
        double median = median(values);
        double worst = 0;
        for (double v : values) {
            worst = Math.max(worst, Math.abs(v - median));
        }
        return median == 0 ? Double.NaN : 100 * worst / Math.abs(median);
    }
}
