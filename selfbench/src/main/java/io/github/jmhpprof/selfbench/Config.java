package io.github.jmhpprof.selfbench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** One configuration of a run: the profilers and the JDK. */
record Config(String name, List<String> profilers, Jdk jdk) {

    static List<Config> resolve(List<String> names, List<Jdk> jdks) {
        Map<String, Config> configs = new LinkedHashMap<>();
        for (String raw : names) {
            String name = raw.trim();
            if (name.isEmpty()) {
                continue;
            }
            Jdk jdk = jdks.get(0);
            String spec = name;
            int at = name.lastIndexOf('@');
            if (at > 0 && name.substring(at + 1).matches("\\d+")) {
                int feature = Integer.parseInt(name.substring(at + 1));
                spec = name.substring(0, at);
                jdk = jdks.stream()
                        .filter(j -> j.feature() == feature)
                        .findFirst()
                        .orElseThrow(() -> new IllegalArgumentException(
                                "configuration " + name + " needs a JDK " + feature + "; pass it with --jdk"));
            }
            List<String> profilers = spec.equals("base")
                    ? List.of()
                    : Arrays.stream(spec.split("\\+")).map(Settings::expand).toList();
            configs.put(name, new Config(name, profilers, jdk));
        }
        for (Config c : List.copyOf(configs.values())) {
            Config base = c.baseline();
            if (configs.values().stream().noneMatch(x -> x.isBase() && x.jdk().equals(base.jdk()))) {
                configs.put(base.name(), base);
            }
        }
        // Baselines first in the first round; the rotation moves them on.
        List<Config> ordered = new ArrayList<>(configs.values());
        ordered.sort(Comparator.comparing(c -> !c.isBase()));
        return ordered;
    }

    static Config fidelity(Jdk jdk) {
        return new Config("pprof+gc@" + jdk.feature(), List.of("pprof", "gc"), jdk);
    }

    boolean isBase() {
        return profilers.isEmpty();
    }

    /** Anything but no profiler and -prof pprof at defaults: the anchors and other settings. */
    boolean isAnchor() {
        return !isBase() && !profilers.equals(List.of("pprof"));
    }

    /** A configuration without profiler on the same JDK, for when the list has none. */
    Config baseline() {
        return new Config(name.contains("@") ? "base@" + jdk.feature() : "base", List.of(), jdk);
    }

    /** The pprof option text of this configuration, or empty. */
    Optional<String> pprofOptions() {
        return profilers.stream()
                .filter(p -> p.equals("pprof") || p.startsWith("pprof:"))
                .map(p -> p.equals("pprof") ? "" : p.substring("pprof:".length()))
                .findFirst();
    }

    boolean recordsAlloc() {
        return pprofOptions()
                .map(o -> !o.contains("events=") || o.matches(".*events=[^;]*alloc.*"))
                .orElse(false);
    }

    /** A human label for tables. */
    String label() {
        if (isBase()) {
            return "no profiler";
        }
        return profilers.stream().map(p -> "-prof " + p).collect(Collectors.joining(" "))
                + (name.contains("@") ? " (" + jdk.label() + ")" : "");
    }

    String folderName() {
        return name.replaceAll("[^A-Za-z0-9=.@_-]", "_");
    }
}
