package io.github.jmhpprof.jmh;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.util.function.Supplier;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A scalar result that also carries work to run once every profiler is done with the iteration.
 * <p>
 * JMH calls {@code afterIteration} in the reverse order of {@code -prof}: with
 * {@code -prof gc -prof pprof} ours runs first, and whatever it allocates or burns lands inside
 * {@code -prof gc}'s window ({@code gc.alloc.rate.norm} read up to 16 % high when the profiles
 * were converted there). A forked JVM sends each iteration's results to the host by serialising
 * them, after the last profiler's {@code afterIteration} and before the fork ends: that is when
 * this result runs its work, on JMH's own thread, outside every profiler's window. Nothing may be
 * printed then (the fork's output shares that link), so what the work has to say (a failure to
 * write) travels in this result, to the host's {@code afterTrial}.
 */
final class AfterAllProfilersResult extends ScalarResult {

    private static final long serialVersionUID = 1L;

    private transient Supplier<String> work;
    /** What the work said (why it wrote nothing), or empty; sent to the host with the result. */
    private String said = "";

    /** @param work the work; returns what the host should be told, or empty */
    AfterAllProfilersResult(String label, double score, String unit, Supplier<String> work) {
        super(label, score, unit, AggregationPolicy.AVG);
        this.work = work;
    }

    /** Runs the work now, if it has not run yet; for a JVM that does not send its results anywhere. */
    void runWork() {
        Supplier<String> pending = work;
        work = null;
        if (pending != null) {
            try {
                said = pending.get();
            } catch (RuntimeException e) {
                said = "pprof: converting the recording failed: " + e;
            }
        }
    }

    String said() {
        return said == null ? "" : said;
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        // The work must not fail the link: it records its own failures in the fork report.
        runWork();
        out.defaultWriteObject();
    }
}
