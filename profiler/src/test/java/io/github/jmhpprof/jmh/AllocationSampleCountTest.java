package io.github.jmhpprof.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class AllocationSampleCountTest {

    @Test
    void aCountWithinTwiceThePlanEitherWayIsNotWorthAWord() {
        assertEquals(Optional.empty(), AllocationSampleCount.warning(6_000, 3_000));
        assertEquals(Optional.empty(), AllocationSampleCount.warning(1_500, 3_000));
    }

    @Test
    void moreThanTwiceThePlanSaysItCostMoreAndWhatHelps() {
        String w = AllocationSampleCount.warning(20_503, 3_000).orElseThrow();

        assertTrue(w.startsWith("20503 allocation samples where 3000 were planned"), w);
        assertTrue(w.contains("(6.8×): measurement iterations allocated faster"), w);
        assertTrue(w.contains("sampling cost more than allocRate allows"), w);
        assertTrue(w.contains("more or longer warmup iterations"), w);
    }

    @Test
    void lessThanHalfThePlanSaysSitesAreLessPrecise() {
        assertTrue(AllocationSampleCount.warning(1_000, 3_000)
                .orElseThrow()
                .contains("site shares are less precise than planned"));
    }

    @Test
    void aSmallPlanMissedIsNotWorthAWord() {
        // 171 planned: a benchmark that allocated about 171 KiB in its whole measurement.
        assertEquals(Optional.empty(), AllocationSampleCount.warning(0, 171));
        assertTrue(AllocationSampleCount.warning(400, 171).isPresent());
    }

    @Test
    void withoutAPlanThereIsNothingToCompare() {
        assertEquals(Optional.empty(), AllocationSampleCount.warning(20_503, 0));
    }
}
