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

    private PerOperation() {
    }

    public static ProfileData of(ProfileData total, long operations) {
        if (operations <= 0) {
            throw new IllegalArgumentException("no operations to divide by");
        }
        List<ValueType> types = new ArrayList<>();
        for (ValueType t : total.sampleTypes()) {
            types.add(new ValueType(t.type() + SUFFIX, t.unit()));
        }
        String defaultType = total.defaultSampleType() == null ? null : total.defaultSampleType() + SUFFIX;
        ProfileData perOp = new ProfileData(types, total.periodType(), total.period(), defaultType);
        perOp.setTime(total.timeNanos(), total.durationNanos());
        total.comments().forEach(perOp::addComment);
        perOp.putComment("values", "per " + OPS_SCALE + " operations (divide by " + OPS_SCALE + " for per operation)");
        for (Sample sample : total.samples()) {
            long[] values = new long[sample.values().length];
            for (int i = 0; i < values.length; i++) {
                values[i] = Math.round((double) sample.values()[i] * OPS_SCALE / operations);
            }
            perOp.add(sample.stack(), sample.labels(), values);
        }
        return perOp;
    }
}
