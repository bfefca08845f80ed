package io.github.jmhpprof.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An engine-neutral profile: what a pprof file holds, without pprof's tables and ids.
 * Samples with the same stack and labels are added together as they arrive, so memory grows
 * with the number of distinct stacks, not with the number of events.
 */
public final class ProfileData {

    private final List<ValueType> sampleTypes;
    private final ValueType periodType;
    private final long period;
    private final String defaultSampleType;
    private final Map<Key, long[]> samples = new LinkedHashMap<>();
    private final List<String> comments = new ArrayList<>();
    private String mainBinary = "java";
    private long timeNanos;
    private long durationNanos;

    private record Key(Stack stack, Labels labels) {
    }

    public ProfileData(List<ValueType> sampleTypes, ValueType periodType, long period, String defaultSampleType) {
        if (sampleTypes.isEmpty()) {
            throw new IllegalArgumentException("a profile needs at least one sample type");
        }
        this.sampleTypes = List.copyOf(sampleTypes);
        this.periodType = Objects.requireNonNull(periodType);
        this.period = period;
        this.defaultSampleType = defaultSampleType;
        if (defaultSampleType != null && sampleTypes.stream().noneMatch(t -> t.type().equals(defaultSampleType))) {
            throw new IllegalArgumentException("default sample type " + defaultSampleType + " is not one of " + sampleTypes);
        }
    }

    /** Adds values to the sample with this stack and these labels. */
    public void add(Stack stack, Labels labels, long... values) {
        if (values.length != sampleTypes.size()) {
            throw new IllegalArgumentException("sample has " + values.length + " values vs. "
                    + sampleTypes.size() + " sample types");
        }
        long[] sum = samples.computeIfAbsent(new Key(stack, labels), k -> new long[values.length]);
        for (int i = 0; i < values.length; i++) {
            sum[i] = Math.addExact(sum[i], values[i]);
        }
    }

    public List<Sample> samples() {
        List<Sample> list = new ArrayList<>(samples.size());
        samples.forEach((key, values) -> list.add(new Sample(key.stack(), key.labels(), values.clone())));
        return list;
    }

    /** The sum of one sample type over all samples. */
    public long total(int sampleTypeIndex) {
        long total = 0;
        for (long[] values : samples.values()) {
            total += values[sampleTypeIndex];
        }
        return total;
    }

    public int indexOf(String sampleType) {
        for (int i = 0; i < sampleTypes.size(); i++) {
            if (sampleTypes.get(i).type().equals(sampleType)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no sample type " + sampleType + " in " + sampleTypes);
    }

    public void addComment(String comment) {
        comments.add(comment);
    }

    public void setTime(long timeNanos, long durationNanos) {
        this.timeNanos = timeNanos;
        this.durationNanos = durationNanos;
    }

    public void setMainBinary(String mainBinary) {
        this.mainBinary = mainBinary;
    }

    public List<ValueType> sampleTypes() {
        return sampleTypes;
    }

    public ValueType periodType() {
        return periodType;
    }

    public long period() {
        return period;
    }

    /** The sample type pprof shows by default, or null for the last one (pprof's own default). */
    public String defaultSampleType() {
        return defaultSampleType;
    }

    public List<String> comments() {
        return List.copyOf(comments);
    }

    public String mainBinary() {
        return mainBinary;
    }

    public long timeNanos() {
        return timeNanos;
    }

    public long durationNanos() {
        return durationNanos;
    }

    public boolean isEmpty() {
        return samples.isEmpty();
    }
}
