package io.github.jmhpprof.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeapGrowthTest {

    private static Object garbage;

    @Test
    void countsWhatIsStillHeldAtTheEndAndNotWhatDied() {
        HeapGrowth growth = HeapGrowth.startNow();
        List<Held> held = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            held.add(new Held(i));
            garbage = new Dropped(i);
        }
        garbage = null;

        ClassHistogram grown = growth.afterFullGc();

        assertEquals(3000, grown.get(Held.class.getName()).objects());
        assertEquals(0, grown.get(Dropped.class.getName()).objects());
        assertEquals("", growth.whyNone());
        assertEquals(3000, held.size());
    }

    private record Held(long value) {}

    private record Dropped(long value) {}
}
