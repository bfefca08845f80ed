import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The profiler's self-benchmark: what {@code -prof pprof} costs and how close its numbers are to the truth.
 * <p>
 * Run from the repository root, after {@code ./mvnw -q -B -DskipTests package}:
 * <pre>
 *   java selfbench/SelfBench.java --quick     # under 15 minutes on a 2-core machine
 *   java selfbench/SelfBench.java --full      # more rounds, the benchmarks' own iteration times, JDK 25 overhead
 *   java selfbench/SelfBench.java --smoke     # one round of 200 ms iterations: checks the harness itself
 * </pre>
 * It needs only a JDK 17 (source-launch mode) and {@code go tool pprof}; {@code --help} lists the options.
 * <p>
 * Overhead: each round runs every configuration (no profiler, {@code -prof pprof}, the anchors) once over all
 * sample benchmarks, one fork each, in an order rotated by one place per round, so that slow phases of a noisy
 * machine hit every configuration alike. Overhead is the ratio of the median scores over the rounds.
 * Fidelity: runs with {@code -prof pprof -prof gc} on each JDK, read back with {@code go tool pprof -raw}.
 * The result is a Markdown report and a CSV of every measured value in {@code selfbench/results/}.
 */
public class SelfBench {

    public static void main(String[] args) throws Exception {
        Settings settings;
        try {
            settings = Settings.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("selfbench: " + e.getMessage());
            System.err.println(Settings.USAGE);
            System.exit(2);
            return;
        }
        if (settings.help()) {
            System.out.println(Settings.USAGE);
            return;
        }
        new SelfBench(settings).run();
    }

    private final Settings settings;

    private SelfBench(Settings settings) {
        this.settings = settings;
    }

    private void run() throws IOException, InterruptedException {
        if (!Files.isRegularFile(settings.jar())) {
            fail("no " + settings.jar() + "; build it first with ./mvnw -q -B -DskipTests package");
        }
        GoPprof pprof = GoPprof.find().orElseThrow(() -> new IllegalStateException(
                "go tool pprof not found; install Go (Debian: apt-get install golang-go)"));
        Machine machine = Machine.probe();
        List<Jdk> jdks = new ArrayList<>();
        for (Path java : settings.javas()) {
            jdks.add(Jdk.probe(java));
        }
        List<Config> configs = Config.resolve(settings.configs(), jdks);
        Path work = settings.work().resolve(settings.stem());
        Runner runner = new Runner(settings, work, pprof);

        int total = settings.fidelityRuns() * jdks.size();
        for (int round = 1; round <= settings.pairs(); round++) {
            total += inRound(configs, round).size();
        }
        System.out.printf(Locale.ROOT, "selfbench %s: %d rounds of %d configurations (anchors in the first %d) "
                        + "+ %d fidelity runs; work folder %s%n", settings.mode(), settings.pairs(), configs.size(),
                settings.anchorRounds(), settings.fidelityRuns() * jdks.size(), work);
        long started = System.nanoTime();
        String loadBefore = Machine.loadAverage();
        List<Run> runs = new ArrayList<>();
        for (int round = 1; round <= settings.pairs(); round++) {
            for (Config config : rotate(inRound(configs, round), round - 1)) {
                runs.add(runner.run(config, round, runs.size() + 1, total, started));
            }
        }
        List<Run> fidelity = new ArrayList<>();
        for (Jdk jdk : jdks) {
            for (int i = 1; i <= settings.fidelityRuns(); i++) {
                fidelity.add(runner.run(Config.fidelity(jdk), i, runs.size() + fidelity.size() + 1, total, started));
            }
        }
        Duration wall = Duration.ofNanos(System.nanoTime() - started);
        String loadAfter = Machine.loadAverage();

        Files.createDirectories(settings.out());
        Path markdown = settings.out().resolve(settings.stem() + ".md");
        Path csv = settings.out().resolve(settings.stem() + ".csv");
        Report report = new Report(settings, machine, jdks, configs, runs, fidelity, wall, loadBefore, loadAfter);
        Files.writeString(markdown, report.markdown(csv.getFileName().toString()));
        Files.writeString(csv, report.csv());
        System.out.printf(Locale.ROOT, "%nselfbench done in %s: %s and %s%n", Fmt.duration(wall), markdown, csv);
    }

    /** Every round runs the baselines and -prof pprof at defaults; the anchors only the first anchorRounds. */
    private List<Config> inRound(List<Config> configs, int round) {
        return configs.stream().filter(c -> round <= settings.anchorRounds() || !c.isAnchor()).toList();
    }

    static <T> List<T> rotate(List<T> list, int by) {
        List<T> rotated = new ArrayList<>(list);
        java.util.Collections.rotate(rotated, -(by % Math.max(1, list.size())));
        return rotated;
    }

    static void fail(String message) {
        System.err.println("selfbench: " + message);
        System.exit(1);
    }
}

/** Command-line settings. Modes set the defaults; the other options override them. */
record Settings(String mode, int pairs, int anchorRounds, List<String> configs, String benchmarks, List<String> jmhArgs,
                int fidelityRuns, Path jar, List<Path> javas, Path out, Path work, String stem, String command,
                boolean help) {

    static final String USAGE = """
            Usage: java selfbench/SelfBench.java [--smoke|--quick|--full] [options]   (from the repository root)
              --smoke                 1 round, 200 ms iterations, to check the harness (under 2 minutes)
              --quick                 5 rounds (anchors in 3), 2 x 1 s warmup, 2 x 500 ms measurement
                                      (default; under 15 minutes on 2 cores)
              --full                  10 rounds, the benchmarks' own 1 s iterations, more configurations, JDK 25 overhead
                                      (about 1.75 hours on 2 cores, estimated from the quick mode)
              --pairs N               rounds; each runs no profiler and -prof pprof at defaults (the pairs), and the anchors
              --anchor-rounds N       run the configurations other than base and pprof in the first N rounds only
                                      (default: 3 in quick mode, else every round)
              --configs LIST          comma list of configurations; each is 'base' (no profiler) or -prof specs joined
                                      by '+', optionally @<JDK feature version> to run it on that JDK, e.g.
                                      base,pprof,gc,jfr,pprof-hi,pprof:allocRate=100/s,pprof+gc,base@25,pprof@25
                                      (pprof-hi = pprof:interval=1ms;allocRate=10000/s, pprof-cpu = pprof:events=cpu);
                                      'base' on each JDK used is added when missing
              --benchmarks REGEX      JMH benchmark regex (default: all sample benchmarks)
              --jmh-args "ARGS"       JMH iteration options for every run (default by mode, e.g. "-wi 2 -w 1s -i 2 -r 500ms")
              --fidelity N            runs of -prof pprof -prof gc per JDK for the fidelity table (0: none)
              --jdk PATH              a java binary to use; repeat for several; the first runs the overhead rounds
                                      (default: the java running this, and /usr/lib/jvm/temurin-25-jdk-amd64/bin/java if present)
              --jar PATH              benchmarks jar (default: benchmarks/target/benchmarks.jar)
              --out DIR               where the report goes (default: selfbench/results)
              --name STEM             report file name without extension (default: <date>-<mode>)
            """;

    private static final String HIGH_RATE = "pprof:interval=1ms;allocRate=10000/s";
    static final Path JDK25 = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64/bin/java");

    static Settings parse(String[] args) {
        String mode = "quick";
        Integer pairs = null;
        Integer anchorRounds = null;
        String configs = null;
        String benchmarks = "io\\.github\\.jmhpprof\\.benchmarks\\.";
        String jmhArgs = null;
        Integer fidelity = null;
        Path jar = Path.of("benchmarks/target/benchmarks.jar");
        List<Path> javas = new ArrayList<>();
        Path out = Path.of("selfbench/results");
        String name = null;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--smoke", "--quick", "--full" -> mode = a.substring(2);
                case "--pairs" -> pairs = positive(a, value(args, ++i, a));
                case "--anchor-rounds" -> anchorRounds = nonNegative(a, value(args, ++i, a));
                case "--configs" -> configs = value(args, ++i, a);
                case "--benchmarks" -> benchmarks = value(args, ++i, a);
                case "--jmh-args" -> jmhArgs = value(args, ++i, a);
                case "--fidelity" -> fidelity = nonNegative(a, value(args, ++i, a));
                case "--jdk" -> javas.add(Path.of(value(args, ++i, a)));
                case "--jar" -> jar = Path.of(value(args, ++i, a));
                case "--out" -> out = Path.of(value(args, ++i, a));
                case "--name" -> name = value(args, ++i, a);
                case "--help", "-h" -> help = true;
                default -> throw new IllegalArgumentException("unknown argument '" + a + "'");
            }
        }
        String defaultConfigs = switch (mode) {
            case "full" -> "base,pprof,pprof-cpu,pprof:allocRate=100/s,gc,jfr,pprof-hi,base@25,pprof@25";
            default -> "base,pprof,gc,jfr,pprof-hi";
        };
        String defaultJmhArgs = switch (mode) {
            case "smoke" -> "-wi 1 -w 200ms -i 1 -r 200ms";
            case "full" -> "-wi 3 -w 1s -i 5 -r 1s";
            // Warmup of 2 x 1 s: with 2 x 500 ms on a loaded 2-core machine the runs without profiler were still
            // compiling in the measurement, while -prof pprof runs had gained ~1 s of compiler time during JFR's
            // start-up, and so looked 20-40 % faster than no profiler at all.
            default -> "-wi 2 -w 1s -i 2 -r 500ms";
        };
        int defaultPairs = switch (mode) {
            case "smoke" -> 1;
            case "full" -> 10;
            default -> 5;
        };
        int defaultFidelity = mode.equals("full") ? 3 : 1;
        if (javas.isEmpty()) {
            javas.add(Path.of(System.getProperty("java.home"), "bin", "java"));
            if (Files.isExecutable(JDK25)) {
                javas.add(JDK25);
            }
        }
        String stem = name != null ? name : LocalDate.now() + "-" + mode + (configs != null ? "-custom" : "");
        String command = "java selfbench/SelfBench.java" + Arrays.stream(args).map(Settings::quote)
                .map(s -> " " + s).collect(Collectors.joining());
        int rounds = pairs != null ? pairs : defaultPairs;
        int defaultAnchorRounds = mode.equals("quick") ? Math.min(3, rounds) : rounds;
        return new Settings(mode, rounds, Math.min(rounds, anchorRounds != null ? anchorRounds : defaultAnchorRounds),
                List.of((configs != null ? configs : defaultConfigs).split(",")), benchmarks,
                List.of((jmhArgs != null ? jmhArgs : defaultJmhArgs).trim().split("\\s+")),
                fidelity != null ? fidelity : defaultFidelity, jar.toAbsolutePath(), javas,
                out, Path.of("selfbench/work"), stem, command, help);
    }

    static String expand(String spec) {
        return switch (spec) {
            case "pprof-hi" -> HIGH_RATE;
            case "pprof-cpu" -> "pprof:events=cpu";
            default -> spec;
        };
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }

    private static int positive(String option, String text) {
        int n = nonNegative(option, text);
        if (n == 0) {
            throw new IllegalArgumentException(option + " must be at least 1, got " + text);
        }
        return n;
    }

    private static int nonNegative(String option, String text) {
        try {
            int n = Integer.parseInt(text);
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, got '" + text + "'");
        }
    }

    private static String quote(String arg) {
        return arg.matches("[A-Za-z0-9_./=,@:-]+") ? arg : "'" + arg.replace("'", "'\\''") + "'";
    }
}

/** A JDK that runs benchmarks: its java binary and what it says about itself. */
record Jdk(Path java, int feature, String description) {

    static Jdk probe(Path java) throws IOException, InterruptedException {
        if (!Files.isExecutable(java)) {
            throw new IllegalArgumentException("no java at " + java);
        }
        Process p = new ProcessBuilder(java.toString(), "-XshowSettings:properties", "-version")
                .redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Map<String, String> props = new HashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf(" = ");
            if (eq > 0) {
                props.put(line.substring(0, eq).trim(), line.substring(eq + 3).trim());
            }
        }
        String spec = props.get("java.specification.version");
        if (spec == null) {
            throw new IllegalStateException(java + " -XshowSettings:properties printed no java.specification.version");
        }
        return new Jdk(java, Integer.parseInt(spec), props.getOrDefault("java.vm.name", "?") + " "
                + props.getOrDefault("java.runtime.version", "?"));
    }

    String label() {
        return "JDK " + feature;
    }
}

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
                jdk = jdks.stream().filter(j -> j.feature() == feature).findFirst().orElseThrow(() ->
                        new IllegalArgumentException("configuration " + name + " needs a JDK " + feature + "; pass it with --jdk"));
            }
            List<String> profilers = spec.equals("base") ? List.of()
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
        return profilers.stream().filter(p -> p.equals("pprof") || p.startsWith("pprof:"))
                .map(p -> p.equals("pprof") ? "" : p.substring("pprof:".length())).findFirst();
    }

    boolean recordsAlloc() {
        return pprofOptions().map(o -> !o.contains("events=") || o.matches(".*events=[^;]*alloc.*")).orElse(false);
    }

    /** A human label for tables. */
    String label() {
        if (isBase()) {
            return "no profiler";
        }
        return profilers.stream().map(p -> "-prof " + p).collect(Collectors.joining(" ")) + (name.contains("@") ? " (" + jdk.label() + ")" : "");
    }

    String folderName() {
        return name.replaceAll("[^A-Za-z0-9=.@_-]", "_");
    }
}

/** Runs JMH once in a folder of its own and reads back what it wrote. */
final class Runner {

    private final Settings settings;
    private final Path work;
    private final GoPprof pprof;

    Runner(Settings settings, Path work, GoPprof pprof) {
        this.settings = settings;
        this.work = work;
        this.pprof = pprof;
    }

    Run run(Config config, int round, int index, int total, long started) throws IOException, InterruptedException {
        Path dir = work.resolve(String.format(Locale.ROOT, "%s-%02d", config.folderName(), round)).toAbsolutePath();
        deleteTree(dir);
        Files.createDirectories(dir);
        List<String> command = new ArrayList<>(List.of(config.jdk().java().toString(),
                "-Djmh.ignoreLock=true", "-Duser.language=en", "-Duser.country=US",
                "-jar", settings.jar().toString(), settings.benchmarks(), "-f", "1"));
        command.addAll(settings.jmhArgs());
        command.addAll(List.of("-rf", "csv", "-rff", dir.resolve("result.csv").toString()));
        for (String profiler : config.profilers()) {
            command.addAll(List.of("-prof", profiler));
        }
        Files.writeString(dir.resolve("command.txt"), String.join(" ", command) + "\n");
        System.out.printf(Locale.ROOT, "[%d/%d, %s elapsed] round %d: %s ... ", index, total,
                Fmt.duration(Duration.ofNanos(System.nanoTime() - started)), round, config.name());
        System.out.flush();
        String load = Machine.loadAverage();
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("out.txt").toFile()).start();
        int exit = process.waitFor();
        long wallMillis = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf(Locale.ROOT, "%.1f s%n", wallMillis / 1000.0);
        if (exit != 0) {
            throw new IllegalStateException("JMH exited with " + exit + "; see " + dir.resolve("out.txt"));
        }
        Map<String, BenchResult> results = JmhCsv.read(dir.resolve("result.csv"));
        IterationScores.parse(Files.readString(dir.resolve("out.txt"))).forEach((key, scores) -> {
            BenchResult r = results.get(key);
            if (r != null) {
                r.iterations.addAll(scores);
            }
        });
        if (config.pprofOptions().isPresent()) {
            attachProfiles(dir, results);
        }
        return new Run(config, round, dir, wallMillis, load, results);
    }

    /** Reads the pprof summary of each benchmark from JMH's output and its profiles with go tool pprof. */
    private void attachProfiles(Path dir, Map<String, BenchResult> results) throws IOException, InterruptedException {
        Map<String, PprofSummary> summaries = PprofSummary.parse(Files.readString(dir.resolve("out.txt")));
        for (PprofSummary summary : summaries.values()) {
            Path folder = dir.resolve("pprof").resolve(summary.folder());
            RawProfile cpu = readIfPresent(folder.resolve("cpu.pb.gz"));
            RawProfile alloc = readIfPresent(folder.resolve("alloc.pb.gz"));
            RawProfile any = cpu != null ? cpu : alloc;
            if (any == null) {
                continue;
            }
            String key = Keys.of(any.comment("benchmark"), any.comment("params"));
            BenchResult result = results.get(key);
            if (result != null) {
                result.attach(summary, folderBytes(folder), cpu, alloc);
            }
        }
    }

    private RawProfile readIfPresent(Path file) throws IOException, InterruptedException {
        return Files.isRegularFile(file) ? pprof.raw(file) : null;
    }

    private static long folderBytes(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).mapToLong(f -> {
                try {
                    return Files.size(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}

/** One JMH invocation: a configuration, its round, and its results by benchmark key. */
record Run(Config config, int round, Path dir, long wallMillis, String loadAverage, Map<String, BenchResult> results) {
}

/** Benchmark keys: the benchmark without its package, and its parameters as pprof's comment prints them. */
final class Keys {

    private Keys() {
    }

    static String of(String benchmark, String params) {
        String shortName = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
        return params == null || params.isEmpty() || params.equals("(none)") ? shortName : shortName + " (" + params + ")";
    }
}

/** One benchmark's results in one run: JMH's scores, and what -prof pprof wrote. */
final class BenchResult {

    final String key;
    final double score;
    final String unit;
    final Map<String, Double> secondary;
    /** Scores of the measurement iterations, from JMH's output. */
    final List<Double> iterations = new ArrayList<>();
    PprofSummary summary;
    long folderBytes;
    RawProfile cpu;
    RawProfile alloc;

    BenchResult(String key, double score, String unit, Map<String, Double> secondary) {
        this.key = key;
        this.score = score;
        this.unit = unit;
        this.secondary = secondary;
    }

    void attach(PprofSummary summary, long folderBytes, RawProfile cpu, RawProfile alloc) {
        this.summary = summary;
        this.folderBytes = folderBytes;
        this.cpu = cpu;
        this.alloc = alloc;
    }

    double secondary(String name) {
        return secondary.getOrDefault(name, Double.NaN);
    }

    /** Time per operation (avgt, sample, ss) is higher when slower; throughput is lower. */
    boolean higherIsSlower() {
        return !unit.startsWith("ops/");
    }

    /**
     * The benchmark threads' own CPU time per operation (ThreadMXBean), recovered from the CPU profile's total and
     * its coverage (profile total ÷ thread CPU time). Time-sliced contention from other processes does not enter it.
     */
    double threadCpuNanosPerOp() {
        double coverage = secondary("pprof.cpu.coverage");
        if (cpu == null || Double.isNaN(coverage) || coverage == 0) {
            return Double.NaN;
        }
        return cpu.total(cpu.typeIndex("cpu")) / coverage / Double.parseDouble(cpu.comment("operations"));
    }

    /** alloc_space per operation as the allocation profile states it. */
    double allocSpacePerOp() {
        if (alloc == null) {
            return Double.NaN;
        }
        double ops = Double.parseDouble(alloc.comment("operations"));
        return alloc.total(alloc.typeIndex("alloc_space")) / ops;
    }
}

/** Reads the measurement iterations' scores from JMH's output, by benchmark key. */
final class IterationScores {

    private static final Pattern BENCHMARK = Pattern.compile("^# Benchmark: (\\S+)");
    private static final Pattern PARAMETERS = Pattern.compile("^# Parameters: \\((.*)\\)");
    private static final Pattern ITERATION = Pattern.compile("^Iteration\\s+\\d+: (\\S+) \\S+");

    private IterationScores() {
    }

    static Map<String, List<Double>> parse(String output) {
        Map<String, List<Double>> scores = new LinkedHashMap<>();
        String benchmark = null;
        String params = "";
        for (String line : output.split("\n")) {
            Matcher m;
            if ((m = BENCHMARK.matcher(line)).find()) {
                benchmark = m.group(1);
                params = "";
            } else if ((m = PARAMETERS.matcher(line)).find()) {
                params = m.group(1).replace(" = ", "=");
            } else if ((m = ITERATION.matcher(line)).find() && benchmark != null) {
                try {
                    scores.computeIfAbsent(Keys.of(benchmark, params), k -> new ArrayList<>())
                            .add(Double.parseDouble(m.group(1)));
                } catch (NumberFormatException e) {
                    // "≈ 0" and the like: not a score this report can use
                }
            }
        }
        return scores;
    }
}

/** Reads JMH's CSV result file (-rf csv): primary scores and secondary results by benchmark key. */
final class JmhCsv {

    private JmhCsv() {
    }

    static Map<String, BenchResult> read(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file);
        if (lines.isEmpty()) {
            throw new IllegalStateException("empty JMH result file " + file);
        }
        List<String> header = fields(lines.get(0));
        int benchmark = header.indexOf("Benchmark");
        int score = header.indexOf("Score");
        int unit = header.indexOf("Unit");
        Map<String, BenchResult> results = new LinkedHashMap<>();
        Map<String, Map<String, Double>> secondaries = new HashMap<>();
        List<String[]> secondaryRows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = fields(line);
            List<String> params = new ArrayList<>();
            for (int i = 0; i < header.size(); i++) {
                if (header.get(i).startsWith("Param: ") && i < f.size() && !f.get(i).isEmpty()) {
                    params.add(header.get(i).substring("Param: ".length()) + "=" + f.get(i));
                }
            }
            String name = f.get(benchmark);
            int colon = name.indexOf(':');
            String key = Keys.of(colon < 0 ? name : name.substring(0, colon), String.join(", ", params));
            double value = number(f.get(score));
            if (colon < 0) {
                Map<String, Double> secondary = secondaries.computeIfAbsent(key, k -> new HashMap<>());
                results.put(key, new BenchResult(key, value, f.get(unit), secondary));
            } else {
                secondaries.computeIfAbsent(key, k -> new HashMap<>()).put(name.substring(colon + 1), value);
            }
        }
        return results;
    }

    private static double number(String text) {
        try {
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Splits one CSV line; fields may be quoted with doubled quotes inside. */
    static List<String> fields(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        return fields;
    }
}

/**
 * What the profiler's text result says about one benchmark: its folder, its samples, and the time from
 * the end of the last measurement iteration to the files being written.
 */
record PprofSummary(String folder, long cpuSamples, long lostCpuSamples, long allocSamples, long writtenMillis) {

    private static final Pattern FILE = Pattern.compile(
            "^\\s+\\S*?pprof/([^/\\s]+)/(cpu|alloc)\\.pb\\.gz: (\\d+) samples(?: \\(\\+(\\d+) lost)?");
    private static final Pattern WRITTEN = Pattern.compile("^\\s+written in (\\d+) ms after the last iteration");

    /** Summaries by folder name, in the order JMH printed them. */
    static Map<String, PprofSummary> parse(String output) {
        Map<String, PprofSummary> summaries = new LinkedHashMap<>();
        String folder = null;
        long cpu = 0;
        long lost = 0;
        long alloc = 0;
        for (String line : output.split("\n")) {
            if (line.startsWith("Secondary result ") || line.startsWith("Result ")) {
                folder = null;
                cpu = lost = alloc = 0;
                continue;
            }
            Matcher m = FILE.matcher(line);
            if (m.find()) {
                folder = m.group(1);
                if (m.group(2).equals("cpu")) {
                    cpu = Long.parseLong(m.group(3));
                    lost = m.group(4) == null ? 0 : Long.parseLong(m.group(4));
                } else {
                    alloc = Long.parseLong(m.group(3));
                }
                summaries.put(folder, new PprofSummary(folder, cpu, lost, alloc, -1));
                continue;
            }
            Matcher w = WRITTEN.matcher(line);
            if (w.find() && folder != null) {
                summaries.put(folder, new PprofSummary(folder, cpu, lost, alloc, Long.parseLong(w.group(1))));
            }
        }
        return summaries;
    }

    long samples() {
        return cpuSamples + lostCpuSamples + allocSamples;
    }
}

/** {@code go tool pprof}, found on the PATH or where Debian and the Go tarball put it. */
record GoPprof(String go) {

    static Optional<GoPprof> find() {
        List<String> candidates = new ArrayList<>();
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            candidates.add(Path.of(dir.isEmpty() ? "." : dir, "go").toString());
        }
        candidates.addAll(List.of("/usr/lib/go/bin/go", "/usr/local/go/bin/go"));
        return candidates.stream().filter(c -> Files.isExecutable(Path.of(c))).findFirst().map(GoPprof::new);
    }

    RawProfile raw(Path file) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(go, "tool", "pprof", "-raw", file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("go tool pprof -raw " + file + " failed");
        }
        return RawProfile.parse(text);
    }
}

/** A profile as {@code go tool pprof -raw} prints it: comments, sample types, samples and locations. */
final class RawProfile {

    record Frame(String function, String file, int line, String systemName) {
        String site() {
            return function + ":" + line;
        }
    }

    record Sample(long[] values, int[] locations, Map<String, String> labels) {
    }

    private static final Pattern SAMPLE = Pattern.compile("^\\s*(-?\\d+(?:\\s+-?\\d+)*): ([\\d ]*)$");
    private static final Pattern LABEL = Pattern.compile("(\\w+):\\[(.*?)\\](?=\\s+\\w+:\\[|\\s*$)");
    private static final Pattern LOCATION = Pattern.compile("^\\s*(\\d+): 0x[0-9a-f]+ (?:M=\\d+ )?(.*)$");
    private static final Pattern FRAME = Pattern.compile("^(.+?) (\\S*):(-?\\d+) s=\\d+(?:\\((.*)\\))?$");

    private final Map<String, String> comments = new LinkedHashMap<>();
    private final List<String> types = new ArrayList<>();
    private final List<Sample> samples = new ArrayList<>();
    private final Map<Integer, List<Frame>> locations = new HashMap<>();

    static RawProfile parse(String text) {
        RawProfile p = new RawProfile();
        String section = "";
        List<Frame> current = null;
        for (String line : text.split("\n")) {
            if (line.startsWith("Comment: ")) {
                String c = line.substring("Comment: ".length());
                int colon = c.indexOf(": ");
                if (colon > 0) {
                    p.comments.putIfAbsent(c.substring(0, colon), c.substring(colon + 2));
                }
            } else if (line.equals("Samples:") || line.equals("Locations") || line.equals("Mappings")) {
                section = line;
            } else if (section.equals("Samples:")) {
                if (p.types.isEmpty()) {
                    for (String t : line.trim().split("\\s+")) {
                        p.types.add(t.replace("[dflt]", ""));
                    }
                    continue;
                }
                Matcher m = SAMPLE.matcher(line);
                if (m.matches()) {
                    long[] values = Arrays.stream(m.group(1).trim().split("\\s+")).mapToLong(Long::parseLong).toArray();
                    int[] ids = Arrays.stream(m.group(2).trim().split("\\s+")).filter(s -> !s.isEmpty())
                            .mapToInt(Integer::parseInt).toArray();
                    p.samples.add(new Sample(values, ids, new HashMap<>()));
                } else if (!p.samples.isEmpty() && line.contains(":[")) {
                    Matcher l = LABEL.matcher(line.trim());
                    while (l.find()) {
                        p.samples.get(p.samples.size() - 1).labels().put(l.group(1), l.group(2));
                    }
                }
            } else if (section.equals("Locations")) {
                Matcher m = LOCATION.matcher(line);
                String frameText;
                if (m.matches()) {
                    current = new ArrayList<>();
                    p.locations.put(Integer.parseInt(m.group(1)), current);
                    frameText = m.group(2);
                } else {
                    frameText = line.trim();
                }
                Matcher f = FRAME.matcher(frameText);
                if (current != null && f.matches()) {
                    current.add(new Frame(f.group(1), f.group(2), Integer.parseInt(f.group(3)),
                            f.group(4) != null ? f.group(4) : f.group(1)));
                }
            }
        }
        return p;
    }

    String comment(String key) {
        return comments.getOrDefault(key, "");
    }

    /** Index of the sample type whose name (before the slash) is {@code name}. */
    int typeIndex(String name) {
        for (int i = 0; i < types.size(); i++) {
            if (types.get(i).startsWith(name + "/")) {
                return i;
            }
        }
        throw new IllegalArgumentException("no sample type " + name + " in " + types);
    }

    long total(int index) {
        return samples.stream().mapToLong(s -> s.values()[index]).sum();
    }

    double share(int index, Predicate<Sample> which) {
        long total = total(index);
        long part = samples.stream().filter(which).mapToLong(s -> s.values()[index]).sum();
        return total == 0 ? Double.NaN : (double) part / total;
    }

    /** The innermost frame of a sample: pprof's leaf, where flat time goes. */
    Optional<Frame> leaf(Sample s) {
        if (s.locations().length == 0) {
            return Optional.empty();
        }
        List<Frame> frames = locations.getOrDefault(s.locations()[0], List.of());
        return frames.isEmpty() ? Optional.empty() : Optional.of(frames.get(0));
    }

    /** Shares of the value by leaf site (function and line). */
    Map<String, Double> sharesByLeafSite(int index) {
        Map<String, Long> sums = new HashMap<>();
        for (Sample s : samples) {
            sums.merge(leaf(s).map(Frame::site).orElse("?"), s.values()[index], Long::sum);
        }
        double total = total(index);
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

/** The machine: CPUs, memory, load. */
record Machine(int cpus, String cpuModel, String memory, String kernel) {

    static Machine probe() {
        String model = linesOf("/proc/cpuinfo").stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown CPU model");
        String memory = linesOf("/proc/meminfo").stream().filter(l -> l.startsWith("MemTotal:"))
                .map(l -> String.format(Locale.ROOT, "%.1f GiB",
                        Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0)).findFirst().orElse("unknown memory");
        String kernel = linesOf("/proc/sys/kernel/osrelease").stream().findFirst().map(k -> "Linux " + k).orElse(System.getProperty("os.name"));
        return new Machine(Runtime.getRuntime().availableProcessors(), model, memory, kernel);
    }

    /** The 1-minute load average, or "?" where /proc/loadavg is missing. */
    static String loadAverage() {
        return linesOf("/proc/loadavg").stream().findFirst().map(l -> l.split(" ")[0]).orElse("?");
    }

    private static List<String> linesOf(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException e) {
            return List.of();
        }
    }
}

/** Medians and quartiles; NaN values are left out. */
final class Stats {

    private Stats() {
    }

    static double quantile(List<Double> values, double q) {
        double[] v = values.stream().filter(d -> d != null && !d.isNaN()).mapToDouble(Double::doubleValue).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        double pos = q * (v.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return v[lo] + (v[hi] - v[lo]) * (pos - lo);
    }

    static double median(List<Double> values) {
        return quantile(values, 0.5);
    }
}

/** Number formats for the tables. */
final class Fmt {

    private Fmt() {
    }

    static String pct(double ratio) {
        return Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%+.1f %%", 100 * ratio);
    }

    static String share(double ratio) {
        return Double.isNaN(ratio) ? "n/a" : String.format(Locale.ROOT, "%.1f %%", 100 * ratio);
    }

    static String num(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Math.abs(v) >= 100) {
            return String.format(Locale.ROOT, "%,.0f", v);
        }
        return String.format(Locale.ROOT, Math.abs(v) >= 10 ? "%.1f" : "%.2f", v);
    }

    static String num(double v, int decimals) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    static String count(double v) {
        return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%,.0f", v);
    }

    static String duration(Duration d) {
        long s = d.toSeconds();
        return s >= 60 ? String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60) : s + " s";
    }
}

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

    Report(Settings settings, Machine machine, List<Jdk> jdks, List<Config> configs, List<Run> runs, List<Run> fidelity,
           Duration wall, String loadBefore, String loadAfter) {
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
        Stream.concat(runs.stream(), fidelity.stream()).forEach(r -> keys.addAll(r.results().keySet()));
        this.benchmarks = List.copyOf(keys);
    }

    String markdown(String csvName) {
        StringBuilder md = new StringBuilder();
        md.append("# jmh-pprof self-benchmark: ").append(settings.mode()).append(" mode, ").append(LocalDate.now()).append("\n\n");
        md.append("- Command (repository root, after `./mvnw -q -B -DskipTests package`): `").append(settings.command()).append("`\n");
        md.append("- Wall time of the harness: ").append(Fmt.duration(wall)).append("\n");
        md.append(String.format(Locale.ROOT, "- Machine: %d CPUs (nproc), %s, %s memory, %s; 1-minute load average %s at the start, %s at the end%n",
                machine.cpus(), machine.cpuModel(), machine.memory(), machine.kernel(), loadBefore, loadAfter));
        for (Jdk jdk : jdks) {
            md.append("- ").append(jdk.label()).append(": ").append(jdk.description()).append(" (`").append(jdk.java()).append("`)\n");
        }
        md.append("- Each run: `java -Djmh.ignoreLock=true -jar benchmarks/target/benchmarks.jar '")
                .append(settings.benchmarks()).append("' -f 1 ")
                .append(String.join(" ", settings.jmhArgs())).append(" -rf csv [-prof ...]`, one fork per benchmark. ")
                .append(settings.pairs()).append(" rounds; each round runs no profiler and `-prof pprof` at defaults")
                .append(settings.anchorRounds() < settings.pairs() ? ", and the first " + settings.anchorRounds() + " rounds also the others" : " and the others")
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
            List<Config> onJdk = measured.stream().filter(c -> c.jdk().equals(jdk)).toList();
            if (onJdk.isEmpty()) {
                continue;
            }
            Config base = baseOf(onJdk.get(0));
            md.append("**").append(jdk.label()).append("**\n\n");
            md.append("| Benchmark | no profiler |");
            onJdk.forEach(c -> md.append(' ').append(c.label().replace("|", "\\|")).append(" |"));
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
                md.append("| ").append(key).append(" | ").append(Fmt.num(Stats.median(baseScores))).append(' ').append(unit).append(" |");
                for (Config c : onJdk) {
                    double slowdown = slowdown(c, base, key);
                    slowdowns.computeIfAbsent(c, x -> new ArrayList<>()).add(slowdown);
                    List<Double> perRound = perRoundSlowdowns(c, base, key);
                    md.append(' ').append(Fmt.pct(slowdown)).append(String.format(Locale.ROOT, " [%s, %s]",
                            Fmt.pct(Stats.quantile(perRound, 0.25)), Fmt.pct(Stats.quantile(perRound, 0.75)))).append(" |");
                }
                md.append('\n');
            }
            md.append("| median over the benchmarks | |");
            onJdk.forEach(c -> md.append(" **").append(Fmt.pct(Stats.median(slowdowns.getOrDefault(c, List.of())))).append("** |"));
            md.append("\n\n");
            fastestIterations(md, base, onJdk);
        }
        threadCpu(md);
    }

    /** Other processes only ever add time to an iteration, so the fastest iterations are the least disturbed. */
    private void fastestIterations(StringBuilder md, Config base, List<Config> onJdk) {
        md.append("The same runs compared by their fastest measurement iteration (fastest with the profiler "
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
                double slowdown = slowdownOf(fastest(runsOf(c), key), fastest(sameRounds(base, c), key), higherIsSlower(base, key));
                all.computeIfAbsent(c, x -> new ArrayList<>()).add(slowdown);
                md.append(' ').append(Fmt.pct(slowdown)).append(" |");
            }
            md.append('\n');
        }
        md.append("| median over the benchmarks |");
        onJdk.forEach(c -> md.append(" **").append(Fmt.pct(Stats.median(all.getOrDefault(c, List.of())))).append("** |"));
        md.append("\n\n");
    }

    private static double fastest(List<Run> runs, String key) {
        boolean higherIsSlower = runs.stream().map(r -> r.results().get(key)).filter(Objects::nonNull)
                .findFirst().map(BenchResult::higherIsSlower).orElse(true);
        List<Double> all = runs.stream().map(r -> r.results().get(key)).filter(Objects::nonNull)
                .flatMap(r -> r.iterations.stream()).toList();
        return all.isEmpty() ? Double.NaN : higherIsSlower ? Stats.quantile(all, 0) : Stats.quantile(all, 1);
    }

    /**
     * The benchmark thread's own CPU time per operation under each pprof setting that samples CPU. JFR takes
     * allocation samples in the allocating thread, so their cost shows here, free of time-sliced contention;
     * CPU samples are taken while the thread is suspended, so their cost does not.
     */
    private void threadCpu(StringBuilder md) {
        List<Config> withCpu = configs.stream().filter(c -> c.pprofOptions().map(o -> !o.contains("events=")
                || o.matches(".*events=[^;]*cpu.*")).orElse(false)).toList();
        if (withCpu.size() < 2) {
            return;
        }
        Config reference = withCpu.stream().filter(c -> !c.recordsAlloc()).findFirst()
                .orElse(withCpu.stream().filter(c -> !c.isAnchor()).findFirst().orElse(withCpu.get(0)));
        md.append("Benchmark thread CPU time per operation (ThreadMXBean, as the profiler measures it for its coverage), "
                + "median over the rounds, and its ratio to ").append(reference.label()).append(". JFR takes allocation "
                + "samples in the allocating thread, so their cost shows here, free of contention from other processes; "
                + "CPU samples are taken while the thread is suspended and do not show:\n\n");
        md.append("| Benchmark |");
        withCpu.forEach(c -> md.append(' ').append(c.label().replace("|", "\\|")).append(" |"));
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
        return configs.stream().filter(c -> c.isBase() && c.jdk().equals(config.jdk())).findFirst().orElseThrow();
    }

    private List<Run> runsOf(Config config) {
        return runs.stream().filter(r -> r.config().equals(config)).toList();
    }

    private List<Double> scores(Config config, String key) {
        return values(runsOf(config), key, r -> r.score);
    }

    private String unitOf(Config config, String key) {
        return runsOf(config).stream().map(r -> r.results().get(key)).filter(Objects::nonNull).map(r -> r.unit)
                .findFirst().orElse("");
    }

    private static List<Double> values(List<Run> runs, String key, ToDoubleFunction<BenchResult> value) {
        return runs.stream().map(r -> r.results().get(key)).filter(Objects::nonNull)
                .map(value::applyAsDouble).filter(v -> !v.isNaN()).toList();
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
            Optional<BenchResult> without = runsOf(base).stream().filter(b -> b.round() == r.round())
                    .map(b -> b.results().get(key)).filter(Objects::nonNull).findFirst();
            if (with != null && without.isPresent()) {
                ratios.add(slowdownOf(with.score, without.get().score, with.higherIsSlower()));
            }
        }
        return ratios;
    }

    private boolean higherIsSlower(Config config, String key) {
        return runsOf(config).stream().map(r -> r.results().get(key)).filter(Objects::nonNull)
                .findFirst().map(BenchResult::higherIsSlower).orElse(true);
    }

    private static double slowdownOf(double with, double without, boolean higherIsSlower) {
        return higherIsSlower ? with / without - 1 : without / with - 1;
    }

    // ---------------------------------------------------------------- post-run cost

    private void postRun(StringBuilder md) {
        List<Config> pprofConfigs = configs.stream().filter(c -> c.pprofOptions().isPresent()).toList();
        if (pprofConfigs.isEmpty()) {
            return;
        }
        md.append("## Post-run cost and output size\n\n");
        md.append("Medians over the rounds. *Written in*: from the end of the last measurement iteration to the profiles "
                + "being on disk, as the profiler reports it (reading the JFR recording, building and writing the profiles); "
                + "it delays the next benchmark, not the score. *Files*: everything in the benchmark's folder "
                + "(`cpu`, `alloc` and their `-per-op` twins). *Per sample*: files ÷ (CPU + allocation samples).\n\n");
        md.append("| Benchmark | configuration | written in | files | CPU samples | alloc samples | per sample |\n");
        md.append("|---|---|---:|---:|---:|---:|---:|\n");
        for (Config c : pprofConfigs) {
            for (String key : benchmarks) {
                List<Run> rs = runsOf(c);
                List<Double> millis = profiled(rs, key, r -> r.summary.writtenMillis() < 0 ? Double.NaN : r.summary.writtenMillis());
                if (millis.isEmpty()) {
                    continue;
                }
                double bytes = Stats.median(profiled(rs, key, r -> r.folderBytes));
                double cpu = Stats.median(profiled(rs, key, r -> r.summary.cpuSamples() + r.summary.lostCpuSamples()));
                double alloc = Stats.median(profiled(rs, key, r -> r.summary.allocSamples()));
                double perSample = Stats.median(profiled(rs, key, r -> (double) r.folderBytes / Math.max(1, r.summary.samples())));
                md.append("| ").append(key).append(" | ").append(c.label()).append(" | ")
                        .append(Fmt.count(Stats.median(millis))).append(" ms | ")
                        .append(Fmt.num(bytes / 1024)).append(" KiB | ")
                        .append(Fmt.count(cpu)).append(" | ").append(Fmt.count(alloc)).append(" | ")
                        .append(Fmt.count(perSample)).append(" B |\n");
            }
        }
        md.append("\nWall time of one JMH invocation over all benchmarks (median over the rounds):");
        for (Config c : configs) {
            md.append(" ").append(c.label()).append(" ").append(Fmt.num(Stats.median(
                    runsOf(c).stream().map(r -> r.wallMillis() / 1000.0).toList()), 1)).append(" s;");
        }
        md.setLength(md.length() - 1);
        md.append(".\n\n");
    }

    private static List<Double> profiled(List<Run> runs, String key, ToDoubleFunction<BenchResult> value) {
        return runs.stream().map(r -> r.results().get(key)).filter(r -> r != null && r.summary != null)
                .map(value::applyAsDouble).filter(v -> !v.isNaN()).toList();
    }

    // ---------------------------------------------------------------- fidelity

    private void fidelity(StringBuilder md) {
        if (fidelity.isEmpty()) {
            return;
        }
        List<Jdk> fidelityJdks = fidelity.stream().map(r -> r.config().jdk()).distinct().toList();
        md.append("## Fidelity\n\n");
        md.append("From runs with `-prof pprof -prof gc` (").append(settings.fidelityRuns())
                .append(settings.fidelityRuns() == 1 ? " run" : " runs, medians").append(" per JDK). "
                + "*CPU coverage*: the CPU profile's samples × period ÷ the benchmark threads' CPU time (1.00 is perfect). "
                + "*alloc_space/op*: the allocation profile's total `alloc_space` ÷ the operations in its `operations:` comment, "
                + "read with `go tool pprof -raw`, against JMH's `gc.alloc.rate.norm`.\n\n");
        md.append("| Benchmark |");
        for (Jdk j : fidelityJdks) {
            md.append(" CPU coverage, ").append(j.label()).append(" | gc.alloc.rate.norm, ").append(j.label())
                    .append(" | alloc_space/op, ").append(j.label()).append(" |");
        }
        md.append("\n|---|");
        fidelityJdks.forEach(j -> md.append("---:|---:|---:|"));
        md.append('\n');
        for (String key : benchmarks) {
            md.append("| ").append(key).append(" |");
            for (Jdk j : fidelityJdks) {
                List<Run> rs = fidelity.stream().filter(r -> r.config().jdk().equals(j)).toList();
                double coverage = Stats.median(values(rs, key, r -> r.secondary("pprof.cpu.coverage")));
                double norm = Stats.median(values(rs, key, r -> r.secondary("gc.alloc.rate.norm")));
                double space = Stats.median(values(rs, key, BenchResult::allocSpacePerOp));
                md.append(' ').append(Fmt.num(coverage)).append(" | ").append(Fmt.num(norm)).append(" B | ")
                        .append(Fmt.num(space)).append(" B (").append(Fmt.pct(space / norm - 1)).append(") |");
            }
            md.append('\n');
        }
        md.append('\n');
        for (Jdk j : fidelityJdks) {
            List<Run> rs = fidelity.stream().filter(r -> r.config().jdk().equals(j)).toList();
            List<BenchResult> sorts = rs.stream().flatMap(r -> r.results().values().stream())
                    .filter(b -> b.key.startsWith(BUBBLE_KEY) && b.cpu != null).toList();
            if (sorts.isEmpty()) {
                continue;
            }
            double bubble = Stats.median(sorts.stream().map(Report::bubbleShare).toList());
            String sampler = sorts.get(0).cpu.comment("sampler");
            md.append("- ").append(j.label()).append(": ").append(Fmt.share(bubble))
                    .append(" of the bubble sort's CPU samples have `BubbleSortBenchmark.bubbleSort(int[])` as their leaf (flat). Sampler: ")
                    .append(sampler).append(".\n");
        }
        md.append('\n');
    }

    /** Flat share of the bubble sort profile in the sorting method itself (not the benchmark method of the same name). */
    private static double bubbleShare(BenchResult r) {
        if (r.cpu == null) {
            return Double.NaN;
        }
        int cpu = r.cpu.typeIndex("cpu");
        return r.cpu.share(cpu, s -> r.cpu.leaf(s).map(f -> f.systemName().contains("bubbleSort([I)")).orElse(false));
    }

    // ---------------------------------------------------------------- allocation attribution

    private void attribution(StringBuilder md) {
        List<Config> allocConfigs = configs.stream().filter(Config::recordsAlloc).toList();
        if (allocConfigs.isEmpty()) {
            return;
        }
        Config reference = allocConfigs.stream().max(Comparator.comparingDouble(this::medianAllocSamples)).orElseThrow();
        md.append("## Allocation attribution by sampling rate\n\n");
        md.append("*Samples*: allocation samples per run (median). *Site distance*: the share of `alloc_space` that a run "
                + "puts on other leaf sites (function:line) than the pooled profiles of ").append(reference.label())
                .append(" do, half the sum of absolute differences of the shares (0 % = the same attribution; a reference run is compared with "
                + "the other reference runs); median over the rounds.\n\n");
        md.append("| Benchmark |");
        allocConfigs.forEach(c -> md.append(' ').append(c.label().replace("|", "\\|")).append(" |"));
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
                    List<Run> pool = runsOf(reference).stream().filter(x -> x != r).toList();
                    Map<String, Double> pooled = pooledSites(pool, key);
                    if (b != null && b.alloc != null && !pooled.isEmpty()) {
                        distances.add(RawProfile.distance(b.alloc.sharesByLeafSite(b.alloc.typeIndex("alloc_space")), pooled));
                    }
                }
                md.append(' ').append(Fmt.count(samples)).append(" samples, ").append(Fmt.share(Stats.median(distances))).append(" |");
            }
            md.append('\n');
        }
        md.append("\nA check against the truth: the list benchmarks box 100,000 `Integer`s of 16 bytes per operation, "
                + "so `Integer` objects are 1,600,000 B of the exact B/op (`pprof.alloc.norm`) and the backing `Object[]` "
                + "arrays the rest. Share of `alloc_space` labelled `object=java.lang.Integer` (median over the rounds):\n\n");
        md.append("| Benchmark | true share |");
        allocConfigs.forEach(c -> md.append(' ').append(c.label().replace("|", "\\|")).append(" |"));
        md.append("\n|---|---:|");
        allocConfigs.forEach(c -> md.append("---:|"));
        md.append('\n');
        for (Map.Entry<String, Double> e : new TreeMap<>(INTEGER_BYTES_PER_OP).entrySet()) {
            List<Run> all = allocConfigs.stream().flatMap(c -> runsOf(c).stream()).toList();
            double truth = Stats.median(values(all, e.getKey(), r -> e.getValue() / r.secondary("pprof.alloc.norm")));
            if (Double.isNaN(truth)) {
                continue;
            }
            md.append("| ").append(e.getKey()).append(" | ").append(Fmt.share(truth)).append(" |");
            for (Config c : allocConfigs) {
                double share = Stats.median(values(runsOf(c), e.getKey(), Report::integerShare));
                md.append(' ').append(Fmt.share(share)).append(" |");
            }
            md.append('\n');
        }
        md.append('\n');
    }

    private double medianAllocSamples(Config c) {
        return Stats.median(runsOf(c).stream().flatMap(r -> r.results().values().stream())
                .filter(r -> r.summary != null).map(r -> (double) r.summary.allocSamples()).toList());
    }

    private static Map<String, Double> pooledSites(List<Run> runs, String key) {
        Map<String, Double> sums = new HashMap<>();
        int n = 0;
        for (Run r : runs) {
            BenchResult b = r.results().get(key);
            if (b == null || b.alloc == null) {
                continue;
            }
            b.alloc.sharesByLeafSite(b.alloc.typeIndex("alloc_space")).forEach((k, v) -> sums.merge(k, v, Double::sum));
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
        return r.alloc.share(r.alloc.typeIndex("alloc_space"), s -> "java.lang.Integer".equals(s.labels().get("object")));
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
                csv.append(String.join(",", kind, Integer.toString(r.round()), '"' + r.config().name() + '"',
                        Integer.toString(r.config().jdk().feature()), '"' + b.key + '"', n.apply(b.score), b.unit,
                        Long.toString(r.wallMillis()), r.loadAverage(),
                        s == null || s.writtenMillis() < 0 ? "" : Long.toString(s.writtenMillis()),
                        s == null ? "" : Long.toString(b.folderBytes),
                        s == null ? "" : Long.toString(s.cpuSamples()), s == null ? "" : Long.toString(s.lostCpuSamples()),
                        s == null ? "" : Long.toString(s.allocSamples()),
                        n.apply(b.secondary("pprof.cpu.coverage")), n.apply(b.secondary("pprof.alloc.norm")),
                        n.apply(b.secondary("gc.alloc.rate.norm")), n.apply(b.allocSpacePerOp()),
                        n.apply(b.key.startsWith(BUBBLE_KEY) ? bubbleShare(b) : Double.NaN),
                        n.apply(INTEGER_BYTES_PER_OP.containsKey(b.key) ? integerShare(b) : Double.NaN),
                        n.apply(b.threadCpuNanosPerOp()),
                        b.iterations.stream().map(n).collect(Collectors.joining(" ")))).append('\n');
            }
        }
        return csv.toString();
    }
}
