package io.github.jmhpprof.compare;

/**
 * The U-test of two runs' scores, with units chosen so that fork-to-fork variance counts.
 * <p>
 * Each JVM fork makes its own JIT and memory-layout decisions, so iterations of one fork resemble
 * each other more than iterations of two forks do. Testing iterations as if independent would
 * call a lucky fork a significant change. So the units are the forks, each summarised by the
 * median of its iterations, whenever the exact test on that many forks can reach α at all
 * (2 / C(n+m, n) ≤ α: 4 forks a side for α = 0.05, JMH's default of 5 is enough). With fewer forks
 * (one fork a side, say) there is nothing to measure fork-to-fork variance with: the test falls back
 * to the iterations and says so, as its p-value then understates the uncertainty.
 *
 * @param oldValues the old run's units (fork medians or iterations)
 * @param newValues the new run's
 * @param units     what the values are
 * @param pValue    the two-sided U-test's p-value; NaN when a side has no values
 * @param alpha     the significance level
 */
public record ScoreTest(double[] oldValues, double[] newValues, Units units, double pValue, double alpha) {

    /** What a run's values are: the median of each fork, or the score of each iteration. */
    public enum Units {
        FORKS,
        ITERATIONS
    }

    public static ScoreTest of(BenchmarkScores oldScores, BenchmarkScores newScores, double alpha) {
        Units units = MannWhitney.smallestPValue(
                                oldScores.forks().size(), newScores.forks().size())
                        <= alpha
                ? Units.FORKS
                : Units.ITERATIONS;
        double[] oldValues = units == Units.FORKS ? oldScores.forkMedians() : oldScores.iterationScores();
        double[] newValues = units == Units.FORKS ? newScores.forkMedians() : newScores.iterationScores();
        double p = oldValues.length == 0 || newValues.length == 0
                ? Double.NaN
                : MannWhitney.test(oldValues, newValues).pValue();
        return new ScoreTest(oldValues, newValues, units, p, alpha);
    }

    public boolean byForks() {
        return units == Units.FORKS;
    }

    /** p &lt; α; never without a p-value. */
    public boolean significant() {
        return pValue < alpha;
    }

    public double oldMedian() {
        return Stats.median(oldValues);
    }

    public double newMedian() {
        return Stats.median(newValues);
    }

    /** "n=5+5 forks" or "n=3+3 iterations". */
    public String sizes() {
        return "n=" + oldValues.length + "+" + newValues.length + (byForks() ? " forks" : " iterations");
    }
}
