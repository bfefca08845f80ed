package io.github.jmhpprof.jmh;

import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.ScalarResult;

import java.io.IOException;
import java.io.ObjectOutputStream;

/**
 * A scalar result that also carries work to run once every profiler is done with the iteration.
 * <p>
 * JMH calls {@code afterIteration} in the reverse order of {@code -prof}: with
 * {@code -prof gc -prof pprof} ours runs first, and whatever it allocates or burns lands inside
 * {@code -prof gc}'s window ({@code gc.alloc.rate.norm} read up to 16 % high when the profiles
 * were converted there). A forked JVM sends each iteration's results to the host by serialising
 * them, after the last profiler's {@code afterIteration} and before the fork ends: that is when
 * this result runs its work, on JMH's own thread, outside every profiler's window.
 */
final class AfterAllProfilersResult extends ScalarResult {

    private static final long serialVersionUID = 1L;

    private transient Runnable work;

    AfterAllProfilersResult(String label, double score, String unit, Runnable work) {
        super(label, score, unit, AggregationPolicy.AVG);
        this.work = work;
    }

    /** Runs the work now, if it has not run yet; for a JVM that does not send its results anywhere. */
    void runWork() {
        Runnable pending = work;
        work = null;
        if (pending != null) {
            try {
                pending.run();
            } catch (RuntimeException e) {
                // Nothing to print to: JMH is sending this very result. The host finds no fork
                // report and says so ("ended without writing its report").
            }
        }
    }

    private void writeObject(ObjectOutputStream out) throws IOException {
        // The work must not fail the link: it records its own failures in the fork report.
        runWork();
        out.defaultWriteObject();
    }
}
