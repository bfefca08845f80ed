package io.github.jmhpprof.report;

import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.model.Sample;
import io.github.jmhpprof.model.ValueType;
import java.util.ArrayList;
import java.util.List;

/**
 * A profile divided by the number of benchmark operations, so that two benchmarks can be diffed
 * per operation ({@code go tool pprof -diff_base=A B}) however many operations each ran. pprof
 * values are integers, so values are per 1000 operations: a site of 0.3 B/op stays visible as
 * 300, where plain rounding would erase it. The scale is in each sample type's name, e.g.
 * {@code alloc_space_per_1000_ops/bytes}.
 */
public final class PerOperation {

    public static final long OPS_SCALE = 1000;
    public static final String SUFFIX = "_per_1000_ops";

    private PerOperation() {}

    public static ProfileData of(ProfileData total, long operations) {
        if (operations <= 0) {
            throw new IllegalArgumentException("no operations to divide by");
        }
        // A sample count per 1000 operations says nothing (and rounds to 0 for fast benchmarks):
        // the CPU time per operation is in cpu_per_1000_ops.
        List<Integer> kept = new ArrayList<>();
        List<ValueType> types = new ArrayList<>();
        for (int i = 0; i < total.sampleTypes().size(); i++) {
            ValueType t = total.sampleTypes().get(i);
            if (!t.type().equals("samples")) {
                kept.add(i);
                types.add(new ValueType(t.type() + SUFFIX, t.unit()));
            }
        }
        String defaultType = total.defaultSampleType() == null ? null : total.defaultSampleType() + SUFFIX;
        ProfileData perOp = new ProfileData(types, total.periodType(), total.period(), defaultType);
        // No duration: pprof would print the per-op total as a share of the run's wall time.
        perOp.setTime(total.timeNanos(), 0);
        total.comments().forEach(perOp::addComment);
        perOp.putComment("values", "per " + OPS_SCALE + " operations (divide by " + OPS_SCALE + " for per operation)");
        for (Sample sample : total.samples()) {
            long[] values = new long[kept.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = Math.round((double) sample.values()[kept.get(i)] * OPS_SCALE / operations);
            }
            perOp.add(sample.stack(), sample.labels(), values);
        }
        return perOp;
    }
}
