package io.github.jmhpprof.selfbench;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The Markdown report and the CSV of all values. */
final class Report {

    /** Benchmarks whose true allocation mix is known: they box 100,000 Integers (16 bytes each) per operation. */
    private static final Map<String, Double> INTEGER_BYTES_PER_OP = Map.of(
            "PreallocBenchmark.listGrow", 1_600_000.0,
            "PreallocBenchmark.listPresized", 1_600_000.0);

    private static final String BUBBLE_KEY = "BubbleSortBenchmark.bubbleSort";

    private final Settings settings;
    private final Machine machine;
    private final List<Jdk> jdks;
    private final List<Config> configs;
    private final List<Run> runs;
    private final List<Run> fidelity;
    private final Duration wall;
    private final String loadBefore;
    private final String loadAfter;
    private final List<String> benchmarks;

    Report(
            Settings settings,
            Machine machine,
            List<Jdk> jdks,
            List<Config> configs,
            List<Run> runs,
            List<Run> fidelity,
            Duration wall,
            String loadBefore,
            String loadAfter) {
        this.settings = settings;
        this.machine = machine;
        this.jdks = jdks;
        this.configs = configs;
        this.runs = runs;
        this.fidelity = fidelity;
        this.wall = wall;
        this.loadBefore = loadBefore;
        this.loadAfter = loadAfter;
        Set<String> keys = new java.util.TreeSet<>();
        Stream.concat(runs.stream(), fidelity.stream())
                .forEach(r -> keys.addAll(r.results().keySet()));
        this.benchmarks = List.copyOf(keys);
    }

    String markdown(String csvName) {
        StringBuilder md = new StringBuilder();
        md.append("# jmh-pprof self-benchmark: ")
                .append(settings.mode())
                .append(" mode, ")
                .append(LocalDate.now())
                .append("\n\n");
        md.append("- Command (repository root, after `./mvnw -q -B -DskipTests package`): `")
                .append(settings.command())
                .append("`\n");
        md.append("- Wall time of the harness: ").append(Fmt.duration(wall)).append("\n");
        md.append(String.format(
                Locale.ROOT,
                "- Machine: %d CPUs (nproc), %s, %s memory, %s; 1-minute load average %s at the start, %s at the end%n",
                machine.cpus(),
                machine.cpuModel(),
                machine.memory(),
                machine.kernel(),
                loadBefore,
                loadAfter));
        for (Jdk jdk : jdks) {
            md.append("- ")
                    .append(jdk.label())
                    .append(": ")
                    .append(jdk.description())
                    .append(" (`")
                    .append(jdk.java())
                    .append("`)\n");
        }
        md.append("- Each run: `java -Djmh.ignoreLock=true -jar benchmarks/target/benchmarks.jar '")
                .append(settings.benchmarks())
                .append("' -f 1 ")
                .append(String.join(" ", settings.jmhArgs()))
                .append(" -rf csv [-prof ...]`, one fork per benchmark. ")
                .append(settings.pairs())
                .append(" rounds; each round runs no profiler and `-prof pprof` at defaults")
                .append(
                        settings.anchorRounds() < settings.pairs()
                                ? ", and the first " + settings.anchorRounds() + " rounds also the others"
                                : " and the others")
                .append(", in an order rotated by one place per round.\n");
        md.append("- Every value: `").append(csvName).append("`.\n\n");
        overhead(md);
        postRun(md);
        fidelity(md);
        attribution(md);
        return md.toString();
    }

    // ---------------------------------------------------------------- overhead

    private void overhead(StringBuilder md) {
        List<Config> measured = configs.stream().filter(c -> !c.isBase()).toList();
        if (measured.isEmpty()) {
            return;
        }
        md.append("## Overhead\n\n");
        md.append("Slowdown = median score with the profiler ÷ median score without it in the same rounds, − 1; "
                + "scores are time per operation, so + means slower. In brackets: the quartiles of the per-round ratios "
                + "(each round's run against the same round's run without profiler), which show the noise.\n\n");
        for (Jdk jdk : jdks) {
            List<Config> onJdk =
                    measured.stream().filter(c -> c.jdk().equals(jdk)).toList();
            if (onJdk.isEmpty()) {
                continue;
            }
            Config base = baseOf(onJdk.get(0));
            md.append("**").append(jdk.label()).append("**\n\n");
            md.append("| Benchmark | no profiler |");
            onJdk.forEach(
                    c -> md.append(' ').append(c.label().replace("|", "\\|")).append(" |"));
            md.append("\n|---|---:|");
            onJdk.forEach(c -> md.append("---:|"));
            md.append('\n');
            Map<Config, List<Double>> slowdowns = new LinkedHashMap<>();
            for (String key : benchmarks) {
                List<Double> baseScores = scores(base, key);
                if (baseScores.isEmpty()) {
                    continue;
                }
                String unit = unitOf(base, key);
                md.append("| ")
                        .append(key)
                        .append(" | ")
                        .append(Fmt.num(Stats.median(baseScores)))
                        .append(' ')
                        .append(unit)
                        .append(" |");
                for (Config c : onJdk) {
                    double slowdown = slowdown(c, base, key);
                    slowdowns.computeIfAbsent(c, x -> new ArrayList<>()).add(slowdown);
                    List<Double> perRound = perRoundSlowdowns(c, base, key);
                    md.append(' ')
                            .append(Fmt.pct(slowdown))
                            .append(String.format(
                                    Locale.ROOT,
                                    " [%s, %s]",
                                    Fmt.pct(Stats.quantile(perRound, 0.25)),
                                    Fmt.pct(Stats.quantile(perRound, 0.75))))
                            .append(" |");
                }
                md.append('\n');
            }
            md.append("| median over the benchmarks | |");
            onJdk.forEach(c -> md.append(" **")
                    .append(Fmt.pct(Stats.median(slowdowns.getOrDefault(c, List.of()))))
                    .append("** |"));
            md.append("\n\n");
            fastestIterations(md, base, onJdk);
        }
        threadCpu(md);
    }

    /** Other processes only ever add time to an iteration, so the fastest iterations are the least disturbed. */
    private void fastestIterations(StringBuilder md, Config base, List<Config> onJdk) {
        md.append(
                "The same runs compared by their fastest measurement iteration (fastest with the profiler "
                        + "÷ fastest without in the same rounds, − 1). Contention from other processes only ever adds time, so this view is less noisy, "
                        + "but it hides a cost that only some iterations pay (such as `-prof jfr` starting JFR in the first one):\n\n");
        md.append("| Benchmark |");
        onJdk.forEach(c -> md.append(' ').append(c.label().replace("|", "\\|")).append(" |"));
        md.append("\n|---|");
        onJdk.forEach(c -> md.append("---:|"));
        md.append('\n');
        Map<Config, List<Double>> all = new LinkedHashMap<>();
        for (String key : benchmarks) {
            if (Double.isNaN(fastest(runsOf(base), key))) {
                continue;
            }
            md.append("| ").append(key).append(" |");
            for (Config c : onJdk) {
                // The same rounds on both sides: the fastest of more iterations is faster by chance alone.
                double slowdown = slowdownOf(
                        fastest(runsOf(c), key), fastest(sameRounds(base, c), key), higherIsSlower(base, key));
                all.computeIfAbsent(c, x -> new ArrayList<>()).add(slowdown);
                md.append(' ').append(Fmt.pct(slowdown)).append(" |");
            }
            md.append('\n');
        }
        md.append("| median over the benchmarks |");
        onJdk.forEach(c -> md.append(" **")
                .append(Fmt.pct(Stats.median(all.getOrDefault(c, List.of()))))
                .append("** |"));
        md.append("\n\n");
    }

    private static double fastest(List<Run> runs, String key) {
        boolean higherIsSlower = runs.stream()
                .map(r -> r.results().get(key))
                .filter(Objects::nonNull)
                .findFirst()
                .map(BenchResult::higherIsSlower)
                .orElse(true);
        List<Double> all = runs.stream()
                .map(r -> r.results().get(key))
                .filter(Objects::nonNull)
                .flatMap(r -> r.iterations.stream())
                .toList();
        return all.isEmpty() ? Double.NaN : higherIsSlower ? Stats.quantile(all, 0) : Stats.quantile(all, 1);
    }

    /**
     * The benchmark thread's own CPU time per operation under each pprof setting that samples CPU. JFR takes
     * allocation samples in the allocating thread, so their cost shows here, free of time-sliced contention;
     * CPU samples are taken while the thread is suspended, so their cost does not.
     */
    private void threadCpu(StringBuilder md) {
        List<Config> withCpu = configs.stream()
                .filter(c -> c.pprofOptions()
                        .map(o -> !o.contains("events=") || o.matches(".*events=[^;]*cpu.*"))
                        .orElse(false))
                .toList();
        if (withCpu.size() < 2) {
            return;
        }
        Config reference = withCpu.stream()
                .filter(c -> !c.recordsAlloc())
                .findFirst()
                .orElse(withCpu.stream().filter(c -> !c.isAnchor()).findFirst().orElse(withCpu.get(0)));
        md.append(
                        "Benchmark thread CPU time per operation (ThreadMXBean, as the profiler measures it for its coverage), "
                                + "median over the rounds, and its ratio to ")
                .append(reference.label())
                .append(". JFR takes allocation "
                        + "samples in the allocating thread, so their cost shows here, free of contention from other processes; "
                        + "CPU samples are taken while the thread is suspended and do not show:\n\n");
        md.append("| Benchmark |");
        withCpu.forEach(
                c -> md.append(' ').append(c.label().replace("|", "\\|")).append(" |"));
        md.append("\n|---|");
        withCpu.forEach(c -> md.append("---:|"));
        md.append('\n');
        Map<Config, List<Double>> all = new LinkedHashMap<>();
        for (String key : benchmarks) {
            double ref = Stats.median(values(runsOf(reference), key, BenchResult::threadCpuNanosPerOp));
            if (Double.isNaN(ref)) {
                continue;
            }
            md.append("| ").append(key).append(" |");
            for (Config c : withCpu) {
                double v = Stats.median(values(runsOf(c), key, BenchResult::threadCpuNanosPerOp));
                all.computeIfAbsent(c, x -> new ArrayList<>()).add(v / ref - 1);
                md.append(' ').append(Fmt.num(v / 1000)).append(" us");
                if (c != reference) {
                    md.append(" (").append(Fmt.pct(v / ref - 1)).append(')');
                }
                md.append(" |");
            }
            md.append('\n');
        }
        md.append("| median over the benchmarks |");
        withCpu.forEach(c -> md.append(c == reference ? " |" : " **" + Fmt.pct(Stats.median(all.get(c))) + "** |"));
        md.append("\n\n");
    }

    /** The configuration without profiler on the same JDK. */
    private Config baseOf(Config config) {
        return configs.stream()
                .filter(c -> c.isBase() && c.jdk().equals(config.jdk()))
                .findFirst()
                .orElseThrow();
    }

    private List<Run> runsOf(Config config) {
        return runs.stream().filter(r -> r.config().equals(config)).toList();
    }

    private List<Double> scores(Config config, String key) {
        return values(runsOf(config), key, r -> r.score);
    }

    private String unitOf(Config config, String key) {
        return runsOf(config).stream()
                .map(r -> r.results().get(key))
                .filter(Objects::nonNull)
                .map(r -> r.unit)
                .findFirst()
                .orElse("");
    }

    private static List<Double> values(List<Run> runs, String key, ToDoubleFunction<BenchResult> value) {
        return runs.stream()
                .map(r -> r.results().get(key))
                .filter(Objects::nonNull)
                .map(value::applyAsDouble)
                .filter(v -> !v.isNaN())
                .toList();
    }

    /** Compared with the runs without profiler of the same rounds only, so that both medians see the same hours. */
    private double slowdown(Config config, Config base, String key) {
        double withProfiler = Stats.median(scores(config, key));
        double without = Stats.median(values(sameRounds(base, config), key, r -> r.score));
        return slowdownOf(withProfiler, without, higherIsSlower(base, key));
    }

    /** The runs of {@code config} in the rounds where {@code other} ran too. */
    private List<Run> sameRounds(Config config, Config other) {
        Set<Integer> rounds = runsOf(other).stream().map(Run::round).collect(Collectors.toSet());
        return runsOf(config).stream().filter(r -> rounds.contains(r.round())).toList();
    }

    private List<Double> perRoundSlowdowns(Config config, Config base, String key) {
        List<Double> ratios = new ArrayList<>();
        for (Run r : runsOf(config)) {
            BenchResult with = r.results().get(key);
            Optional<BenchResult> without = runsOf(base).stream()
                    .filter(b -> b.round() == r.round())
                    .map(b -> b.results().get(key))
                    .filter(Objects::nonNull)
                    .findFirst();
            if (with != null && without.isPresent()) {
                ratios.add(slowdownOf(with.score, without.get().score, with.higherIsSlower()));
            }
        }
        return ratios;
    }

    private boolean higherIsSlower(Config config, String key) {
        return runsOf(config).stream()
                .map(r -> r.results().get(key))
                .filter(Objects::nonNull)
                .findFirst()
                .map(BenchResult::higherIsSlower)
                .orElse(true);
    }

    private static double slowdownOf(double with, double without, boolean higherIsSlower) {
        return higherIsSlower ? with / without - 1 : without / with - 1;
    }

    // ---------------------------------------------------------------- post-run cost

    private void postRun(StringBuilder md) {
        List<Config> pprofConfigs =
                configs.stream().filter(c -> c.pprofOptions().isPresent()).toList();
        if (pprofConfigs.isEmpty()) {
            return;
        }
        md.append("## Post-run cost and output size\n\n");
        md.append(
                "Medians over the rounds. *Written in*: from the end of the last measurement iteration to the profiles "
                        + "being on disk, as the profiler reports it (reading the JFR recording, building and writing the profiles); "
                        + "it delays the next benchmark, not the score. *Files*: everything in the benchmark's folder "
                        + "(`cpu`, `alloc` and their `-per-op` twins). *Per sample*: files ÷ (CPU + allocation samples).\n\n");
        md.append("| Benchmark | configuration | written in | files | CPU samples | alloc samples | per sample |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|\n");
        for (Config c : pprofConfigs) {
            for (String key : benchmarks) {
                List<Run> rs = runsOf(c);
                List<Double> millis =
                        profiled(rs, key, r -> r.summary.writtenMillis() < 0 ? Double.NaN : r.summary.writtenMillis());
                if (millis.isEmpty()) {
                    continue;
                }
                double bytes = Stats.median(profiled(rs, key, r -> r.folderBytes));
                double cpu = Stats.median(profiled(rs, key, r -> r.summary.cpuSamples() + r.summary.lostCpuSamples()));
                double alloc = Stats.median(profiled(rs, key, r -> r.summary.allocSamples()));
                double perSample =
                        Stats.median(profiled(rs, key, r -> (double) r.folderBytes / Math.max(1, r.summary.samples())));
                md.append("| ")
                        .append(key)
                        .append(" | ")
                        .append(c.label())
                        .append(" | ")
                        .append(Fmt.count(Stats.median(millis)))
                        .append(" ms | ")
                        .append(Fmt.num(bytes / 1024))
                        .append(" KiB | ")
                        .append(Fmt.count(cpu))
                        .append(" | ")
                        .append(Fmt.count(alloc))
                        .append(" | ")
                        .append(Fmt.count(perSample))
                        .append(" B |\n");
            }
        }
        md.append("\nWall time of one JMH invocation over all benchmarks (median over the rounds):");
        for (Config c : configs) {
            md.append(" ")
                    .append(c.label())
                    .append(" ")
                    .append(Fmt.num(
                            Stats.median(runsOf(c).stream()
                                    .map(r -> r.wallMillis() / 1000.0)
                                    .toList()),
                            1))
                    .append(" s;");
        }
        md.setLength(md.length() - 1);
        md.append(".\n\n");
    }

    private static List<Double> profiled(List<Run> runs, String key, ToDoubleFunction<BenchResult> value) {
        return runs.stream()
                .map(r -> r.results().get(key))
                .filter(r -> r != null && r.summary != null)
                .map(value::applyAsDouble)
                .filter(v -> !v.isNaN())
                .toList();
    }

    // ---------------------------------------------------------------- fidelity

    private void fidelity(StringBuilder md) {
        if (fidelity.isEmpty()) {
            return;
        }
        List<Jdk> fidelityJdks =
                fidelity.stream().map(r -> r.config().jdk()).distinct().toList();
        md.append("## Fidelity\n\n");
        md.append("From runs with `-prof pprof -prof gc` (")
                .append(settings.fidelityRuns())
                .append(settings.fidelityRuns() == 1 ? " run" : " runs, medians")
                .append(" per JDK). "
                        + "*CPU coverage*: the CPU profile's samples × period ÷ the benchmark threads' CPU time (1.00 is perfect). "
                        + "*alloc_space/op*: the allocation profile's total `alloc_space` ÷ the operations in its `operations:` comment, "
                        + "read with `go tool pprof -raw`, against JMH's `gc.alloc.rate.norm`.\n\n");
        md.append("| Benchmark |");
        for (Jdk j : fidelityJdks) {
            md.append(" CPU coverage, ")
                    .append(j.label())
                    .append(" | gc.alloc.rate.norm, ")
                    .append(j.label())
                    .append(" | alloc_space/op, ")
                    .append(j.label())
                    .append(" |");
        }
        md.append("\n|---|");
        fidelityJdks.forEach(j -> md.append("---:|---:|---:|"));
        md.append('\n');
        for (String key : benchmarks) {
            md.append("| ").append(key).append(" |");
            for (Jdk j : fidelityJdks) {
                List<Run> rs = fidelity.stream()
                        .filter(r -> r.config().jdk().equals(j))
                        .toList();
                double coverage = Stats.median(values(rs, key, r -> r.secondary("pprof.cpu.coverage")));
                double norm = Stats.median(values(rs, key, r -> r.secondary("gc.alloc.rate.norm")));
                double space = Stats.median(values(rs, key, BenchResult::allocSpacePerOp));
                md.append(' ')
                        .append(Fmt.num(coverage))
                        .append(" | ")
                        .append(Fmt.num(norm))
                        .append(" B | ")
                        .append(Fmt.num(space))
                        .append(" B (")
                        .append(Fmt.pct(space / norm - 1))
                        .append(") |");
            }
            md.append('\n');
        }
        md.append('\n');
        for (Jdk j : fidelityJdks) {
            List<Run> rs =
                    fidelity.stream().filter(r -> r.config().jdk().equals(j)).toList();
            List<BenchResult> sorts = rs.stream()
                    .flatMap(r -> r.results().values().stream())
                    .filter(b -> b.key.startsWith(BUBBLE_KEY) && b.cpu != null)
                    .toList();
            if (sorts.isEmpty()) {
                continue;
            }
            double bubble = Stats.median(sorts.stream().map(Report::bubbleShare).toList());
            String sampler = sorts.get(0).cpu.comment("sampler");
            md.append("- ")
                    .append(j.label())
                    .append(": ")
                    .append(Fmt.share(bubble))
                    .append(
                            " of the bubble sort's CPU samples have `BubbleSortBenchmark.bubbleSort(int[])` as their leaf (flat). Sampler: ")
                    .append(sampler)
                    .append(".\n");
        }
        md.append('\n');
    }

    /** Flat share of the bubble sort profile in the sorting method itself (not the benchmark method of the same name). */
    private static double bubbleShare(BenchResult r) {
        if (r.cpu == null) {
            return Double.NaN;
        }
        return Shares.of(
                r.cpu,
                "cpu",
                s -> r.cpu.leafFrame(s)
                        .map(f -> f.systemName().contains("bubbleSort([I)"))
                        .orElse(false));
    }

    // ---------------------------------------------------------------- allocation attribution

    private void attribution(StringBuilder md) {
        List<Config> allocConfigs =
                configs.stream().filter(Config::recordsAlloc).toList();
        if (allocConfigs.isEmpty()) {
            return;
        }
        Config reference = allocConfigs.stream()
                .max(Comparator.comparingDouble(this::medianAllocSamples))
                .orElseThrow();
        md.append("## Allocation attribution by sampling rate\n\n");
        md.append(
                        "*Samples*: allocation samples per run (median). *Site distance*: the share of `alloc_space` that a run "
                                + "puts on other leaf sites (function:line) than the pooled profiles of ")
                .append(reference.label())
                .append(
                        " do, half the sum of absolute differences of the shares (0 % = the same attribution; a reference run is compared with "
                                + "the other reference runs); median over the rounds.\n\n");
        md.append("| Benchmark |");
        allocConfigs.forEach(
                c -> md.append(' ').append(c.label().replace("|", "\\|")).append(" |"));
        md.append("\n|---|");
        allocConfigs.forEach(c -> md.append("---:|"));
        md.append('\n');
        for (String key : benchmarks) {
            if (pooledSites(runsOf(reference), key).isEmpty()) {
                continue;
            }
            md.append("| ").append(key).append(" |");
            for (Config c : allocConfigs) {
                List<Run> rs = runsOf(c);
                double samples = Stats.median(profiled(rs, key, r -> r.summary.allocSamples()));
                List<Double> distances = new ArrayList<>();
                for (Run r : rs) {
                    BenchResult b = r.results().get(key);
                    // A reference run is compared with the other reference runs only.
                    List<Run> pool =
                            runsOf(reference).stream().filter(x -> x != r).toList();
                    Map<String, Double> pooled = pooledSites(pool, key);
                    if (b != null && b.alloc != null && !pooled.isEmpty()) {
                        distances.add(Shares.distance(Shares.byLeafSite(b.alloc, "alloc_space"), pooled));
                    }
                }
                md.append(' ')
                        .append(Fmt.count(samples))
                        .append(" samples, ")
                        .append(Fmt.share(Stats.median(distances)))
                        .append(" |");
            }
            md.append('\n');
        }
        md.append(
                "\nA check against the truth: the list benchmarks box 100,000 `Integer`s of 16 bytes per operation, "
                        + "so `Integer` objects are 1,600,000 B of the exact B/op (`pprof.alloc.norm`) and the backing `Object[]` "
                        + "arrays the rest. Share of `alloc_space` labelled `object=java.lang.Integer` (median over the rounds):\n\n");
        md.append("| Benchmark | true share |");
        allocConfigs.forEach(
                c -> md.append(' ').append(c.label().replace("|", "\\|")).append(" |"));
        md.append("\n|---|---:|");
        allocConfigs.forEach(c -> md.append("---:|"));
        md.append('\n');
        for (Map.Entry<String, Double> e : new TreeMap<>(INTEGER_BYTES_PER_OP).entrySet()) {
            List<Run> all =
                    allocConfigs.stream().flatMap(c -> runsOf(c).stream()).toList();
            double truth = Stats.median(values(all, e.getKey(), r -> e.getValue() / r.secondary("pprof.alloc.norm")));
            if (Double.isNaN(truth)) {
                continue;
            }
            md.append("| ")
                    .append(e.getKey())
                    .append(" | ")
                    .append(Fmt.share(truth))
                    .append(" |");
            for (Config c : allocConfigs) {
                double share = Stats.median(values(runsOf(c), e.getKey(), Report::integerShare));
                md.append(' ').append(Fmt.share(share)).append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private double medianAllocSamples(Config c) {
        return Stats.median(runsOf(c).stream()
                .flatMap(r -> r.results().values().stream())
                .filter(r -> r.summary != null)
                .map(r -> (double) r.summary.allocSamples())
                .toList());
    }

    private static Map<String, Double> pooledSites(List<Run> runs, String key) {
        Map<String, Double> sums = new HashMap<>();
        int n = 0;
        for (Run r : runs) {
            BenchResult b = r.results().get(key);
            if (b == null || b.alloc == null) {
                continue;
            }
            Shares.byLeafSite(b.alloc, "alloc_space").forEach((k, v) -> sums.merge(k, v, Double::sum));
            n++;
        }
        int runsPooled = n;
        sums.replaceAll((k, v) -> v / runsPooled);
        return sums;
    }

    private static double integerShare(BenchResult r) {
        if (r.alloc == null) {
            return Double.NaN;
        }
        return Shares.of(
                r.alloc,
                "alloc_space",
                s -> "java.lang.Integer".equals(s.labels().get("object")));
    }

    // ---------------------------------------------------------------- CSV

    String csv() {
        StringBuilder csv = new StringBuilder("kind,round,configuration,jdk,benchmark,score,unit,run_wall_ms,load_1min,"
                + "pprof_written_ms,pprof_files_bytes,cpu_samples,lost_cpu_samples,alloc_samples,cpu_coverage,"
                + "pprof_alloc_norm,gc_alloc_rate_norm,alloc_space_per_op,bubble_sort_share,integer_share,"
                + "thread_cpu_ns_per_op,iteration_scores\n");
        Function<Double, String> n = v -> v == null || v.isNaN() ? "" : String.format(Locale.ROOT, "%.6g", v);
        for (Run r : Stream.concat(runs.stream(), fidelity.stream()).toList()) {
            String kind = fidelity.contains(r) ? "fidelity" : "overhead";
            for (BenchResult b : r.results().values()) {
                PprofSummary s = b.summary;
                csv.append(String.join(
                                ",",
                                kind,
                                Integer.toString(r.round()),
                                '"' + r.config().name() + '"',
                                Integer.toString(r.config().jdk().feature()),
                                '"' + b.key + '"',
                                n.apply(b.score),
                                b.unit,
                                Long.toString(r.wallMillis()),
                                r.loadAverage(),
                                s == null || s.writtenMillis() < 0 ? "" : Long.toString(s.writtenMillis()),
                                s == null ? "" : Long.toString(b.folderBytes),
                                s == null ? "" : Long.toString(s.cpuSamples()),
                                s == null ? "" : Long.toString(s.lostCpuSamples()),
                                s == null ? "" : Long.toString(s.allocSamples()),
                                n.apply(b.secondary("pprof.cpu.coverage")),
                                n.apply(b.secondary("pprof.alloc.norm")),
                                n.apply(b.secondary("gc.alloc.rate.norm")),
                                n.apply(b.allocSpacePerOp()),
                                n.apply(b.key.startsWith(BUBBLE_KEY) ? bubbleShare(b) : Double.NaN),
                                n.apply(INTEGER_BYTES_PER_OP.containsKey(b.key) ? integerShare(b) : Double.NaN),
                                n.apply(b.threadCpuNanosPerOp()),
                                b.iterations.stream().map(n).collect(Collectors.joining(" "))))
                        .append('\n');
            }
        }
        return csv.toString();
    }
}
