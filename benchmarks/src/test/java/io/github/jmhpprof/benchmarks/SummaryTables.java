package io.github.jmhpprof.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jmhpprof.testing.GoPprof;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The top tables of the summary JMH prints for each profile, and the check that they name the
 * same functions with the same percentages as {@code go tool pprof -top} on the same file.
 */
final class SummaryTables {

    /** {@code  pprof/<id>/cpu.pb.gz: 36 samples, ...}: the line that opens a file's part of a summary. */
    private static final Pattern FILE_LINE = Pattern.compile("^  (\\S+\\.pb\\.gz): .*$");
    /** flat, flat%, sum%, cum, cum%, name with its inline label: as pprof -top prints a row. */
    private static final Pattern ROW =
            Pattern.compile("^\\s*(\\S+)\\s+(\\S+%)\\s+(\\S+%)\\s+(\\S+)\\s+(\\S+%)  (.+?)\\s*$");

    /** What a row says, but its values (whose units pprof picks per table): flat%, sum%, cum%, name. */
    record Row(String flatPercent, String sumPercent, String cumPercent, String name) {
        @Override
        public String toString() {
            return flatPercent + " " + sumPercent + " " + cumPercent + "  " + name;
        }
    }

    private SummaryTables() {}

    /** Each profile file the summaries name (as printed, relative to the run's directory), with its table's rows. */
    static Map<String, List<Row>> parse(String output) {
        Map<String, List<Row>> tables = new LinkedHashMap<>();
        String file = null;
        boolean inTable = false;
        for (String line : output.split("\n")) {
            Matcher f = FILE_LINE.matcher(line);
            if (f.matches()) {
                file = f.group(1);
                inTable = false;
            } else if (file != null && line.startsWith("  top ") && line.contains(" by ")) {
                inTable = true;
                tables.put(file, new ArrayList<>());
            } else if (inTable && line.trim().startsWith("flat")) {
                continue;
            } else if (inTable) {
                Matcher m = ROW.matcher(line);
                if (!m.matches()) {
                    inTable = false;
                    file = null;
                    continue;
                }
                tables.get(file).add(new Row(m.group(2), m.group(3), m.group(5), m.group(6)));
            }
        }
        return tables;
    }

    /** The rows of {@code go tool pprof -top} with a flat value of their own, as the summary shows them. */
    static List<Row> pprofTop(Path file) {
        String top = GoPprof.run(List.of("-top"), file).assertNoStderr();
        List<Row> rows = new ArrayList<>();
        boolean header = false;
        for (String line : top.split("\n")) {
            if (line.trim().startsWith("flat")) {
                header = true;
                continue;
            }
            Matcher m = ROW.matcher(line);
            if (header && m.matches() && !m.group(1).equals("0")) {
                rows.add(new Row(m.group(2), m.group(3), m.group(5), m.group(6)));
            }
        }
        return rows;
    }

    /**
     * Every table of the summaries lists, in order, the first rows of {@code -top} that have a
     * flat value, with the same names (inline labels included) and percentages; no table shows
     * a row without a flat value.
     */
    static void assertAgreeWithPprof(String output, Path workDir, int minimumTables) {
        Map<String, List<Row>> tables = parse(output);
        assertTrue(tables.size() >= minimumTables, "summary tables found: " + tables.keySet() + "\n" + output);
        for (Map.Entry<String, List<Row>> table : tables.entrySet()) {
            List<Row> summary = table.getValue();
            assertFalse(summary.isEmpty(), table.getKey() + ": an empty table");
            List<Row> pprof = pprofTop(workDir.resolve(table.getKey()));
            assertTrue(pprof.size() >= summary.size(), table.getKey() + ": summary " + summary + " vs -top " + pprof);
            assertEquals(
                    pprof.subList(0, summary.size()).toString(),
                    summary.toString(),
                    table.getKey() + ": the summary's rows vs go tool pprof -top");
            assertTrue(
                    summary.size() == 10 || summary.size() == pprof.size(),
                    table.getKey() + ": up to 10 rows, all -top rows with a flat value: " + summary + " vs " + pprof);
        }
    }
}
