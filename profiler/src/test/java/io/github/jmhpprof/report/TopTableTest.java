package io.github.jmhpprof.report;

import io.github.jmhpprof.model.Frame;
import io.github.jmhpprof.model.Labels;
import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.model.Stack;
import io.github.jmhpprof.model.ValueType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TopTableTest {

    private static final Frame SORT = new Frame("p.S", "sort", "()V", 1, false);
    private static final Frame SWAP = new Frame("p.S", "swap", "()V", 2, true);
    private static final Frame MAIN = new Frame("p.M", "main", "()V", 3, false);

    @Test
    void flatGoesToTheLeafAndCumToEveryFrameOnce() {
        ProfileData p = new ProfileData(List.of(new ValueType("samples", "count"), new ValueType("cpu", "nanoseconds")),
                new ValueType("cpu", "nanoseconds"), 10_000_000, null);
        p.add(Stack.of(SWAP, SORT, MAIN), Labels.NONE, 3, 30_000_000);
        p.add(Stack.of(SORT, SORT, MAIN), Labels.NONE, 1, 10_000_000);
        TopTable top = TopTable.of(p, "cpu");
        assertEquals(new TopTable.Row("p.S.swap (inline)", 30_000_000, 30_000_000), top.rows().get(0));
        assertEquals(new TopTable.Row("p.S.sort", 10_000_000, 40_000_000), top.rows().get(1));
        String text = top.format(10);
        assertTrue(text.contains("30ms 75.00% 75.00%       30ms 75.00%  p.S.swap (inline)"), text);
    }

    @Test
    void quantitiesReadLikePprof() {
        assertEquals("1.03s", Quantity.format(1_030_000_000, "nanoseconds"));
        assertEquals("170ms", Quantity.format(170_000_000, "nanoseconds"));
        assertEquals("512kB", Quantity.format(512 * 1024, "bytes"));
        assertEquals("4.03GB", Quantity.format(4.03 * 1024 * 1024 * 1024, "bytes"));
        assertEquals("12", Quantity.format(12, "count"));
    }
}
