package io.github.jmhpprof.compare;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoreTestTest {

    private static BenchmarkScores run(double[]... forks) {
        return BenchmarkScoresTest.scores("us/op", Map.of(), forks);
    }

    @Test
    void withFourForksASideTheForkMediansAreTheUnits() {
        // Every iteration of the new run is slower, but one fork of each run is off: 4+4 fork medians.
        BenchmarkScores old =
                run(new double[] {10, 11, 12}, new double[] {10, 10.5, 10}, new double[] {11, 11.2, 90}, new double[] {
                    12, 9, 9.5
                });
        BenchmarkScores neu =
                run(new double[] {20, 21, 22}, new double[] {20, 20.5, 20}, new double[] {21.5, 21.7, 1}, new double[] {
                    22, 19, 19.5
                });
        ScoreTest t = ScoreTest.of(old, neu, 0.05);
        assertTrue(t.byForks());
        assertArrayEquals(new double[] {11, 10, 11.2, 9.5}, t.oldValues());
        assertEquals(2.0 / 70, t.pValue(), 1e-12); // complete separation of 4+4
        assertTrue(t.significant());
        assertEquals("n=4+4 forks", t.sizes());
    }

    @Test
    void onOneForkASideTheIterationsAreTestedInstead() {
        ScoreTest t =
                ScoreTest.of(run(new double[] {10, 11, 12, 13, 14}), run(new double[] {20, 21, 22, 23, 24}), 0.05);
        assertFalse(t.byForks());
        assertEquals("n=5+5 iterations", t.sizes());
        assertEquals(2.0 / 252, t.pValue(), 1e-12);
        assertTrue(t.significant());
    }

    @Test
    void aStricterAlphaNeedsMoreForksBeforeTheyAreUnits() {
        double[][] four = {{1}, {2}, {3}, {4}};
        // 2 / C(8,4) = 0.029 > 0.01: four forks a side cannot reach alpha 0.01.
        assertFalse(ScoreTest.of(run(four), run(four), 0.01).byForks());
        assertTrue(ScoreTest.of(run(four), run(four), 0.05).byForks());
    }

    @Test
    void deltaIsPositiveWhenSlowerInEitherUnit() {
        // us/op 10 -> 12: 20 % more time per op.
        assertEquals(1.2, BenchmarkComparison.timeRatio(10, 12, false), 1e-12);
        // ops/s 100 -> 80: each op takes 100/80 = 1.25 times as long.
        assertEquals(1.25, BenchmarkComparison.timeRatio(100, 80, true), 1e-12);
        assertTrue(BenchmarkComparison.timeRatio(100, 125, true) < 1);
    }
}
