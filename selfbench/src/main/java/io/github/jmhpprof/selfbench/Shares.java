package io.github.jmhpprof.selfbench;

import io.github.jmhpprof.testing.RawProfile;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/** Where a profile puts its value: the share of some samples, shares by leaf site, and how far two profiles differ. */
final class Shares {

    private Shares() {}

    /** The share of {@code type}'s total in the samples {@code which} accepts; NaN for an empty profile. */
    static double of(RawProfile profile, String type, Predicate<RawProfile.Sample> which) {
        int index = profile.indexOf(type);
        long total = profile.total(type);
        long part = profile.samples().stream()
                .filter(which)
                .mapToLong(s -> s.values()[index])
                .sum();
        return total == 0 ? Double.NaN : (double) part / total;
    }

    /** Shares of {@code type} by leaf site (function and line). */
    static Map<String, Double> byLeafSite(RawProfile profile, String type) {
        int index = profile.indexOf(type);
        Map<String, Long> sums = new HashMap<>();
        for (RawProfile.Sample s : profile.samples()) {
            sums.merge(profile.leafFrame(s).map(RawProfile.Frame::site).orElse("?"), s.values()[index], Long::sum);
        }
        double total = profile.total(type);
        Map<String, Double> shares = new HashMap<>();
        sums.forEach((k, v) -> shares.put(k, v / total));
        return shares;
    }

    /** Half the sum of absolute differences: the share of the value that two profiles put in different places. */
    static double distance(Map<String, Double> a, Map<String, Double> b) {
        Set<String> keys = new LinkedHashSet<>(a.keySet());
        keys.addAll(b.keySet());
        double sum = 0;
        for (String k : keys) {
            sum += Math.abs(a.getOrDefault(k, 0.0) - b.getOrDefault(k, 0.0));
        }
        return sum / 2;
    }
}
