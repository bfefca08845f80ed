package io.github.jmhpprof.compare;

import java.util.Arrays;

/**
 * The two-sided Mann-Whitney U-test (Wilcoxon rank-sum test): is one sample stochastically larger
 * than the other? It uses ranks only, so one outlier iteration cannot make a difference
 * significant, and it assumes no distribution (benchmark scores are skewed and often bimodal).
 * <p>
 * As SciPy's {@code scipy.stats.mannwhitneyu(x, y, alternative='two-sided')}: the exact
 * distribution of U when there are no ties and both samples are small, otherwise the normal
 * approximation with the tie correction of the variance and a continuity correction.
 */
public final class MannWhitney {

    /** Above this many values in all, the normal approximation is used (as accurate there, and the exact count grows as n·m·(n+m)). */
    static final int EXACT_UP_TO = 50;

    /**
     * @param u      the U statistic of the first sample (pairs where it is larger, ties count one half)
     * @param pValue two-sided p-value
     * @param exact  whether the p-value comes from the exact distribution (else the normal approximation)
     */
    public record Result(double u, double pValue, boolean exact) {}

    private MannWhitney() {}

    public static Result test(double[] x, double[] y) {
        int n = x.length;
        int m = y.length;
        if (n == 0 || m == 0) {
            throw new IllegalArgumentException("the U-test needs values on both sides, got " + n + " and " + m);
        }
        double[] all = new double[n + m];
        System.arraycopy(x, 0, all, 0, n);
        System.arraycopy(y, 0, all, n, m);
        Ranks ranks = Ranks.of(all);
        double rankSumX = 0;
        for (int i = 0; i < n; i++) {
            rankSumX += ranks.rank(i);
        }
        double u = rankSumX - n * (n + 1) / 2.0;
        if (!ranks.hasTies() && n + m <= EXACT_UP_TO) {
            return new Result(u, exactPValue(u, n, m), true);
        }
        return new Result(u, normalPValue(u, n, m, ranks.tieTerm()), false);
    }

    /** The smallest two-sided p-value the exact test can give for samples of these sizes: 2 / C(n+m, n). */
    public static double smallestPValue(int n, int m) {
        double combinations = 1;
        for (int i = 1; i <= n; i++) {
            combinations = combinations * (m + i) / i;
        }
        return Math.min(1, 2 / combinations);
    }

    /** 2·P(U ≥ max(U, n·m − U)) under the null hypothesis, counted exactly. */
    static double exactPValue(double u, int n, int m) {
        int upper = (int) Math.round(Math.max(u, (double) n * m - u));
        double[] counts = uCounts(n, m);
        double total = 0;
        double atLeast = 0;
        for (int k = 0; k < counts.length; k++) {
            total += counts[k];
            if (k >= upper) {
                atLeast += counts[k];
            }
        }
        return Math.min(1, 2 * atLeast / total);
    }

    /**
     * How many of the C(n+m, n) orderings give each U = 0..n·m: the count for (n, m) is the count
     * for (n−1, m) shifted by m (the largest value is in x) plus the count for (n, m−1) (it is in y).
     */
    private static double[] uCounts(int n, int m) {
        // f[j][k] for the current i: orderings of i x-values and j y-values with U = k.
        double[][] f = new double[m + 1][];
        for (int j = 0; j <= m; j++) {
            f[j] = new double[] {1};
        }
        for (int i = 1; i <= n; i++) {
            double[][] next = new double[m + 1][];
            next[0] = new double[] {1};
            for (int j = 1; j <= m; j++) {
                double[] c = new double[i * j + 1];
                double[] xLast = f[j]; // (i−1, j), shifted by j
                for (int k = 0; k < xLast.length; k++) {
                    c[k + j] += xLast[k];
                }
                double[] yLast = next[j - 1]; // (i, j−1)
                for (int k = 0; k < yLast.length; k++) {
                    c[k] += yLast[k];
                }
                next[j] = c;
            }
            f = next;
        }
        return f[m];
    }

    private static double normalPValue(double u, int n, int m, double tieTerm) {
        double total = n + m;
        double mean = n * (double) m / 2;
        double variance = n * (double) m / 12 * ((total + 1) - tieTerm / (total * (total - 1)));
        if (variance <= 0) {
            return 1; // every value equal
        }
        double z = (Math.max(u, n * (double) m - u) - mean - 0.5) / Math.sqrt(variance);
        return Math.min(1, 2 * Normal.upperTail(z));
    }

    /** Mid-ranks (ties share the mean of their ranks) and the tie term Σ(t³ − t) over groups of t equal values. */
    private record Ranks(double[] ranks, double tieTerm) {

        static Ranks of(double[] values) {
            Integer[] order = new Integer[values.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
            double[] ranks = new double[values.length];
            double tieTerm = 0;
            int start = 0;
            while (start < order.length) {
                int end = start;
                while (end + 1 < order.length && values[order[end + 1]] == values[order[start]]) {
                    end++;
                }
                double midRank = (start + end) / 2.0 + 1;
                for (int k = start; k <= end; k++) {
                    ranks[order[k]] = midRank;
                }
                double t = end - start + 1;
                tieTerm += t * t * t - t;
                start = end + 1;
            }
            return new Ranks(ranks, tieTerm);
        }

        double rank(int i) {
            return ranks[i];
        }

        boolean hasTies() {
            return tieTerm > 0;
        }
    }
}
