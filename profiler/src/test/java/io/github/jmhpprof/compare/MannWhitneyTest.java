package io.github.jmhpprof.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Reference values from SciPy 1.17.1 (Debian python3-scipy), computed once with
 * {@code scipy.stats.mannwhitneyu(x, y, alternative='two-sided', method=M)} for the x, y and M
 * given in each test; the call and its printed statistic and p-value are in the comments.
 */
class MannWhitneyTest {

    /** Relative error of the normal tail approximation (erfc fit): 1.2e-7; exact counts are exact to rounding. */
    private static final double TOLERANCE = 1e-6;

    @Test
    void completeSeparationOfFourAgainstFourIsTheSmallestExactPValue() {
        // mannwhitneyu([1.1, 2.3, 3.2, 4.8], [5.0, 6.1, 7.4, 8.9], method='exact') -> U=0.0, p=0.02857142857142857
        MannWhitney.Result r = MannWhitney.test(new double[] {1.1, 2.3, 3.2, 4.8}, new double[] {5.0, 6.1, 7.4, 8.9});
        assertTrue(r.exact());
        assertEquals(0.0, r.u());
        assertEquals(0.02857142857142857, r.pValue(), TOLERANCE * 0.0286);
        assertEquals(r.pValue(), MannWhitney.smallestPValue(4, 4), 1e-15);
    }

    @Test
    void overlappingSamplesOfUnequalSize() {
        // mannwhitneyu([12.1, 13.4, 11.8, 14.2, 12.9], [13.0, 14.5, 15.1, 13.9, 16.0, 14.8], method='exact')
        //   -> U=3.0, p=0.030303030303030304
        MannWhitney.Result r = MannWhitney.test(
                new double[] {12.1, 13.4, 11.8, 14.2, 12.9}, new double[] {13.0, 14.5, 15.1, 13.9, 16.0, 14.8});
        assertTrue(r.exact());
        assertEquals(3.0, r.u());
        assertEquals(0.030303030303030304, r.pValue(), TOLERANCE * 0.03);
    }

    @Test
    void theFirstSampleLargerGivesTheLargeU() {
        // mannwhitneyu([5.0, 6.1, 7.4, 8.9, 9.5, 3.3, 2.2], [1.1, 2.3, 3.2, 4.8, 0.5], method='exact')
        //   -> U=31.0, p=0.030303030303030304
        MannWhitney.Result r = MannWhitney.test(
                new double[] {5.0, 6.1, 7.4, 8.9, 9.5, 3.3, 2.2}, new double[] {1.1, 2.3, 3.2, 4.8, 0.5});
        assertTrue(r.exact());
        assertEquals(31.0, r.u());
        assertEquals(0.030303030303030304, r.pValue(), TOLERANCE * 0.03);
    }

    @Test
    void tiesUseTheNormalApproximationWithTieAndContinuityCorrection() {
        // mannwhitneyu([1, 2, 2, 3, 3, 3, 4, 5], [3, 4, 4, 5, 5, 6, 7, 7, 8], method='asymptotic')
        //   -> U=7.5, p=0.006373133838085873
        MannWhitney.Result r =
                MannWhitney.test(new double[] {1, 2, 2, 3, 3, 3, 4, 5}, new double[] {3, 4, 4, 5, 5, 6, 7, 7, 8});
        assertFalse(r.exact());
        assertEquals(7.5, r.u());
        assertEquals(0.006373133838085873, r.pValue(), TOLERANCE * 0.0064);
    }

    @Test
    void largeSamplesUseTheNormalApproximation() {
        double[] x = new double[30];
        double[] y = new double[28];
        for (int i = 0; i < x.length; i++) {
            x[i] = i * 7 % 31 + 0.5 * i;
        }
        for (int i = 0; i < y.length; i++) {
            y[i] = i * 5 % 29 + 0.5 * i + 3;
        }
        // x = [float(i*7 % 31) + 0.5*i for i in range(30)], y = [float(i*5 % 29) + 0.5*i + 3 for i in range(28)]
        // mannwhitneyu(x, y, method='asymptotic') -> U=387.5, p=0.6184578049236596
        MannWhitney.Result r = MannWhitney.test(x, y);
        assertFalse(r.exact());
        assertEquals(387.5, r.u());
        assertEquals(0.6184578049236596, r.pValue(), TOLERANCE * 0.62);
    }

    @Test
    void identicalValuesAreNeverSignificant() {
        MannWhitney.Result r = MannWhitney.test(new double[] {2, 2, 2}, new double[] {2, 2, 2, 2});
        assertEquals(1.0, r.pValue());
    }

    @Test
    void smallestPValuesByForkCount() {
        assertEquals(1.0, MannWhitney.smallestPValue(1, 1));
        assertEquals(0.2, MannWhitney.smallestPValue(3, 2), 1e-15); // 2 / C(5,2)
        assertEquals(0.1, MannWhitney.smallestPValue(3, 3), 1e-15); // 2 / C(6,3)
        assertEquals(2.0 / 252, MannWhitney.smallestPValue(5, 5), 1e-15);
    }

    @Test
    void emptySamplesAreRejected() {
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> MannWhitney.test(new double[0], new double[] {1}));
        assertTrue(e.getMessage().contains("both sides"), e.getMessage());
    }
}
