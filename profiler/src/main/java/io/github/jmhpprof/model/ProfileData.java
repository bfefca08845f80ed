package io.github.jmhpprof.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

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
    private long timeNanos;
    private long durationNanos;

    private record Key(Stack stack, Labels labels) {}

    public ProfileData(List<ValueType> sampleTypes, ValueType periodType, long period, String defaultSampleType) {
        if (sampleTypes.isEmpty()) {
            throw new IllegalArgumentException("a profile needs at least one sample type");
        }
        this.sampleTypes = List.copyOf(sampleTypes);
        this.periodType = Objects.requireNonNull(periodType);
        this.period = period;
        this.defaultSampleType = defaultSampleType;
        if (defaultSampleType != null
                && sampleTypes.stream().noneMatch(t -> t.type().equals(defaultSampleType))) {
            throw new IllegalArgumentException(
                    "default sample type " + defaultSampleType + " is not one of " + sampleTypes);
        }
    }

    /** Adds values to the sample with this stack and these labels. */
    public void add(Stack stack, Labels labels, long... values) {
        if (values.length != sampleTypes.size()) {
            throw new IllegalArgumentException(
                    "sample has " + values.length + " values vs. " + sampleTypes.size() + " sample types");
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

    public void replaceComments(List<String> newComments) {
        comments.clear();
        comments.addAll(newComments);
    }

    /** Replaces the value of a {@code key: value} comment, or adds the comment when there is none. */
    public void putComment(String key, String value) {
        String line = key + ": " + value;
        for (int i = 0; i < comments.size(); i++) {
            if (comments.get(i).startsWith(key + ": ")) {
                comments.set(i, line);
                return;
            }
        }
        comments.add(line);
    }

    /** The value of a {@code key: value} comment, or null. */
    public String comment(String key) {
        for (String c : comments) {
            if (c.startsWith(key + ": ")) {
                return c.substring(key.length() + 2);
            }
        }
        return null;
    }

    /**
     * Adds up profiles of the same kind (forks of one benchmark, or several benchmarks): samples
     * are summed by stack and labels, durations add up, and the comments and period of the first
     * profile are kept.
     */
    public static ProfileData merge(List<ProfileData> parts) {
        ProfileData first = parts.get(0);
        ProfileData merged =
                new ProfileData(first.sampleTypes, first.periodType, first.period, first.defaultSampleType);
        merged.comments.addAll(first.comments);
        long start = Long.MAX_VALUE;
        long duration = 0;
        for (ProfileData part : parts) {
            if (!part.sampleTypes.equals(first.sampleTypes)) {
                throw new IllegalArgumentException("cannot merge " + part.sampleTypes + " into " + first.sampleTypes);
            }
            part.samples.forEach((key, values) -> merged.add(key.stack(), key.labels(), values));
            start = Math.min(start, part.timeNanos);
            duration += part.durationNanos;
        }
        merged.setTime(start, duration);
        return merged;
    }

    /** The same profile with every stack changed; samples whose stacks become one add up. */
    public ProfileData withStacks(UnaryOperator<Stack> change) {
        ProfileData changed = new ProfileData(sampleTypes, periodType, period, defaultSampleType);
        changed.comments.addAll(comments);
        changed.setTime(timeNanos, durationNanos);
        samples.forEach((key, values) -> changed.add(change.apply(key.stack()), key.labels(), values));
        return changed;
    }

    public void setTime(long timeNanos, long durationNanos) {
        this.timeNanos = timeNanos;
        this.durationNanos = durationNanos;
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
