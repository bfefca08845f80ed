package io.github.jmhpprof.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ComparisonReportTest {

    private static final ComparisonRow PLUS = new ComparisonRow(
            "p.Concat.plus",
            "n=100",
            62.5,
            "us/op",
            509_080.1,
            89.5,
            4049,
            0.07,
            "java.util.Arrays.copyOf (100%)",
            "p.Concat.plus (25%)",
            "",
            "p.Concat.plus-AverageTime-n-100");
    private static final ComparisonRow ODD = new ComparisonRow(
            "p.B.m",
            "s=a|b, \"q\"",
            Double.NaN,
            "us/op",
            Double.NaN,
            Double.NaN,
            1,
            1,
            "-",
            "-",
            "no profiles: fork ended early",
            "p.B.m-AverageTime-s-a_b__q_-1f2e3d4c5b");

    @Test
    void csvHasAHeaderAndOneRowPerBenchmarkWithRawNumbers() {
        List<String> lines =
                new ComparisonReport(List.of(PLUS, ODD)).csv().lines().toList();
        assertEquals(3, lines.size());
        assertTrue(lines.get(0).startsWith("Benchmark,Params,Score,Unit,B/op,allocs/op"), lines.get(0));
        assertEquals(
                "\"p.Concat.plus\",\"n=100\",62.5000,\"us/op\",509080.1000,89.5000,4049.0000,0.0700,"
                        + "\"java.util.Arrays.copyOf (100%)\",\"p.Concat.plus (25%)\",\"\",\"p.Concat.plus-AverageTime-n-100\"",
                lines.get(1));
        assertTrue(
                lines.get(2).startsWith("\"p.B.m\",\"s=a|b, \"\"q\"\"\",,"),
                "quotes escaped, NaN empty: " + lines.get(2));
    }

    @Test
    void markdownEscapesPipesAndShowsMissingFiguresAsDashes() {
        String md = new ComparisonReport(List.of(PLUS, ODD)).markdown();
        assertTrue(md.contains("| p.Concat.plus | n=100 | 62.500 | us/op | 509,080.1 | 89.50 |"), md);
        assertTrue(md.contains("| p.B.m | s=a\\|b, \"q\" | - | us/op | - | - |"), md);
    }

    @Test
    void eachRowNamesItsFolder() {
        String md = new ComparisonReport(List.of(PLUS, ODD)).markdown();
        assertTrue(md.contains("| Note | Folder |"), md);
        assertTrue(md.contains("| p.Concat.plus-AverageTime-n-100 |"), md);
        assertTrue(md.contains("| p.B.m-AverageTime-s-a_b__q_-1f2e3d4c5b |"), md);
        assertTrue(new ComparisonReport(List.of(PLUS)).text().contains("p.Concat.plus-AverageTime-n-100"));
    }
}
