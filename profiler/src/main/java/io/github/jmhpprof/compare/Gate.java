package io.github.jmhpprof.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The CI gate: a benchmark fails when it is significantly slower than allowed, or allocates more
 * bytes per operation than allowed. B/op is an exact count, not a sample, so it needs no test.
 *
 * @param maxSlowdownPct   largest allowed significant slowdown in %, or NaN for no limit
 * @param maxAllocGrowthPct largest allowed growth of bytes per operation in %, or NaN for no limit
 */
public record Gate(double maxSlowdownPct, double maxAllocGrowthPct) {

    public static final Gate NONE = new Gate(Double.NaN, Double.NaN);

    /** Why the comparison fails the gate, one line per benchmark and limit; empty when it passes. */
    public List<String> failures(Comparison c) {
        List<String> why = new ArrayList<>();
        for (BenchmarkComparison r : c.rows()) {
            String what = r.benchmark() + (r.params().isEmpty() ? "" : " (" + r.params() + ")") + " in "
                    + c.newRun().name();
            if (!Double.isNaN(maxSlowdownPct) && r.test().significant() && r.deltaPct() > maxSlowdownPct) {
                why.add(String.format(
                        Locale.ROOT,
                        "%s is %.1f%% slower (p=%.3f, %s), more than --max-slowdown=%s",
                        what,
                        r.deltaPct(),
                        r.test().pValue(),
                        r.test().sizes(),
                        percent(maxSlowdownPct)));
            }
            double before = r.oldScores().bytesPerOp();
            double after = r.newScores().bytesPerOp();
            if (!Double.isNaN(maxAllocGrowthPct)
                    && !Double.isNaN(before)
                    && after > before * (1 + maxAllocGrowthPct / 100)) {
                why.add(String.format(
                        Locale.ROOT,
                        "%s allocates %,.1f B/op, was %,.1f (%s), more than --max-alloc-growth=%s",
                        what,
                        after,
                        before,
                        before > 0 ? String.format(Locale.ROOT, "%+.1f%%", r.allocGrowthPct()) : "from 0",
                        percent(maxAllocGrowthPct)));
            }
        }
        return why;
    }

    private static String percent(double v) {
        return ComparisonTables.plain(v) + "%";
    }
}
