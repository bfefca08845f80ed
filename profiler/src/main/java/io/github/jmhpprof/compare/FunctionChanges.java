package io.github.jmhpprof.compare;

import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.model.Sample;
import io.github.jmhpprof.pprof.ProfileFiles;
import io.github.jmhpprof.report.PerOperation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The functions whose flat value per operation changed most between two per-operation profiles
 * ({@code cpu-per-op.pb.gz}, {@code alloc-per-op.pb.gz}): per operation, so that runs with
 * different operation counts line up. A function is matched by name, whether or not the JIT
 * inlined it in either run.
 */
public final class FunctionChanges {

    /**
     * @param function  {@code pkg.Class.method}
     * @param oldPerOp  flat value per operation in the old run (ns or bytes)
     * @param newPerOp  the same in the new run
     */
    public record Change(String function, double oldPerOp, double newPerOp) {
        public double delta() {
            return newPerOp - oldPerOp;
        }
    }

    private FunctionChanges() {}

    /** The {@code limit} largest changes by size, largest first; none when either profile is missing. */
    public static List<Change> largest(Path oldProfile, Path newProfile, String sampleType, int limit)
            throws IOException {
        if (!Files.isRegularFile(oldProfile) || !Files.isRegularFile(newProfile)) {
            return List.of();
        }
        Map<String, Double> before = flatPerOp(ProfileFiles.read(oldProfile), sampleType);
        Map<String, Double> after = flatPerOp(ProfileFiles.read(newProfile), sampleType);
        Set<String> names = new HashSet<>(before.keySet());
        names.addAll(after.keySet());
        List<Change> changes = new ArrayList<>();
        for (String name : names) {
            Change c = new Change(name, before.getOrDefault(name, 0.0), after.getOrDefault(name, 0.0));
            if (c.delta() != 0) {
                changes.add(c);
            }
        }
        changes.sort(
                Comparator.comparingDouble((Change c) -> -Math.abs(c.delta())).thenComparing(Change::function));
        return List.copyOf(changes.subList(0, Math.min(limit, changes.size())));
    }

    /** Flat value (the leaf frame's) per function, per operation. */
    static Map<String, Double> flatPerOp(ProfileData perOp, String sampleType) {
        int index = perOp.indexOf(sampleType);
        Map<String, Double> flat = new HashMap<>();
        for (Sample sample : perOp.samples()) {
            if (sample.stack().frames().isEmpty()) {
                continue;
            }
            String leaf = sample.stack().frames().get(0).functionName();
            flat.merge(leaf, (double) sample.values()[index] / PerOperation.OPS_SCALE, Double::sum);
        }
        return flat;
    }
}
