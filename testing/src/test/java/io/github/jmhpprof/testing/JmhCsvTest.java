package io.github.jmhpprof.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhCsvTest {

    @Test
    void quotedFieldsMayHoldCommasAndDoubledQuotes() {
        assertEquals(List.of("a,b", "say \"hi\"", "", "3"), JmhCsv.fields("\"a,b\",\"say \"\"hi\"\"\",,3"));
    }

    @Test
    void rowsAreReadByTheHeaderAndScoresByBenchmark(@TempDir Path dir) throws Exception {
        // As JMH 1.37 writes -rf csv: text fields quoted, a quote in one doubled, a secondary result named
        // benchmark:result.
        Path file = Files.writeString(
                dir.resolve("results.csv"),
                String.join(
                        "\n",
                        "\"Benchmark\",\"Mode\",\"Threads\",\"Samples\",\"Score\",\"Score Error (99.9%)\",\"Unit\",\"Param: text\"",
                        "\"x.Concat.plus\",\"avgt\",1,2,12.5,NaN,\"us/op\",\"a, \"\"b\"\"\"",
                        "\"x.Concat.plus:gc.alloc.rate.norm\",\"avgt\",1,2,542680.0,NaN,\"B/op\",\"a, \"\"b\"\"\"",
                        ""));
        JmhCsv csv = JmhCsv.read(file);
        assertEquals("Param: text", csv.header().get(7));
        assertEquals("a, \"b\"", csv.rows().get(0).get("Param: text"));
        assertEquals(12.5, csv.score("x.Concat.plus"));
        assertEquals(542680.0, csv.score("x.Concat.plus:gc.alloc.rate.norm"));
        AssertionError missing = assertThrows(AssertionError.class, () -> csv.score("x.Concat.builder"));
        assertTrue(missing.getMessage().contains("x.Concat.plus"), missing.getMessage());
    }
}
