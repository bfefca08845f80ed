package io.github.jmhpprof.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jmhpprof.model.Frame;
import io.github.jmhpprof.model.Labels;
import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.model.Stack;
import io.github.jmhpprof.model.ValueType;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopTableTest {

    private static final Frame SORT = new Frame("p.S", "sort", "()V", 1, false);
    private static final Frame SWAP = new Frame("p.S", "swap", "()V", 2, true);
    private static final Frame MAIN = new Frame("p.M", "main", "()V", 3, false);

    @Test
    void flatGoesToTheLeafAndCumToEveryFunctionOnceInlinedOrNot() {
        ProfileData p = cpuProfile();
        p.add(Stack.of(SWAP, SORT, MAIN), Labels.NONE, 3, 30_000_000);
        p.add(Stack.of(SORT, SORT, MAIN), Labels.NONE, 1, 10_000_000);
        p.add(Stack.of(new Frame("p.S", "swap", "()V", 2, false), SORT, MAIN), Labels.NONE, 1, 10_000_000);
        TopTable top = TopTable.of(p, "cpu");
        // One node for swap, inlined or not; pprof's one edge sort -> swap was not always inlined: no label.
        assertEquals(
                new TopTable.Row("p.S.swap", "", 40_000_000, 40_000_000),
                top.rows().get(0));
        assertEquals(
                new TopTable.Row("p.S.sort", "", 10_000_000, 50_000_000),
                top.rows().get(1));
        assertEquals(new TopTable.Row("p.M.main", "", 0, 50_000_000), top.rows().get(2));
        String text = top.format(10);
        assertTrue(text.contains("      40ms 80.00% 80.00%       40ms 80.00%  p.S.swap\n"), text);
        assertFalse(text.contains("p.M.main"), "no zero-flat rows:\n" + text);
    }

    @Test
    void inlineLabelsFollowTheCallersAndTinyFunctionsAreLeftOutAsPprofDoes() {
        ProfileData p = cpuProfile();
        p.add(Stack.of(SWAP, SORT, MAIN), Labels.NONE, 999, 9_990_000_000L);
        p.add(Stack.of(new Frame("p.T", "tiny", "()V", 1, false), MAIN), Labels.NONE, 1, 10_000_000);
        TopTable top = TopTable.of(p, "cpu");
        assertEquals("p.S.swap (inline)", top.rows().get(0).printed(), "every call into swap was inlined");
        // 0.1 % cum: below pprof's -nodefraction of 0.5 %
        assertTrue(
                top.rows().stream().noneMatch(r -> r.name().equals("p.T.tiny")),
                top.rows().toString());

        p.add(Stack.of(new Frame("p.S", "swap", "()V", 2, false), MAIN), Labels.NONE, 100, 1_000_000_000L);
        assertEquals(
                "p.S.swap (partial-inline)",
                TopTable.of(p, "cpu").rows().get(0).printed(),
                "inlined into sort, called from main");
    }

    @Test
    void percentagesArePrintedAsPprofPrintsThem() {
        assertEquals("  100%", TopTable.percentage(9996, 10000));
        assertEquals("59.52%", TopTable.percentage(5952, 10000));
        assertEquals(" 1.00%", TopTable.percentage(100, 10000));
        assertEquals("90.62%", TopTable.percentage(29, 32), "Go rounds the tie 90.625 to even");
        assertEquals("40.38%", TopTable.percentage(40_375, 100_000), "the tie 40.375 goes to the even 8, up");
        assertEquals(" 0.42%", TopTable.percentage(42, 10000));
        assertEquals("0.032%", TopTable.percentage(32, 100000));
        assertEquals("0.033%", TopTable.percentage(325, 1_000_000), "as Go's %5.2g of 0.0325");
        assertEquals("    0%", TopTable.percentage(0, 100000));
    }

    private static ProfileData cpuProfile() {
        return new ProfileData(
                List.of(new ValueType("samples", "count"), new ValueType("cpu", "nanoseconds")),
                new ValueType("cpu", "nanoseconds"),
                10_000_000,
                null);
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
