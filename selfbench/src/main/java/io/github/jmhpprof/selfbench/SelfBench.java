package io.github.jmhpprof.selfbench;

import io.github.jmhpprof.testing.GoPprof;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The profiler's self-benchmark: what {@code -prof pprof} costs and how close its numbers are to the truth.
 * <p>
 * Run from the repository root, after {@code ./mvnw -q -B -DskipTests package}:
 * <pre>
 *   java -jar selfbench/target/selfbench.jar --quick     # under 15 minutes on a 2-core machine
 *   java -jar selfbench/target/selfbench.jar --full      # more rounds, the benchmarks' own iteration times, JDK 25 overhead
 *   java -jar selfbench/target/selfbench.jar --smoke     # one round of 200 ms iterations: checks the harness itself
 * </pre>
 * It needs a JDK 17 and {@code go tool pprof}; {@code --help} lists the options. It reads profiles and JMH's results
 * with the tests' helpers ({@code io.github.jmhpprof.testing}).
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
        try {
            GoPprof.goBinary();
        } catch (AssertionError e) {
            fail(e.getMessage());
        }
        Machine machine = Machine.probe();
        List<Jdk> jdks = new ArrayList<>();
        for (Path java : settings.javas()) {
            jdks.add(Jdk.probe(java));
        }
        List<Config> configs = Config.resolve(settings.configs(), jdks);
        Path work = settings.work().resolve(settings.stem());
        Runner runner = new Runner(settings, work);

        int total = settings.fidelityRuns() * jdks.size();
        for (int round = 1; round <= settings.pairs(); round++) {
            total += inRound(configs, round).size();
        }
        System.out.printf(
                Locale.ROOT,
                "selfbench %s: %d rounds of %d configurations (anchors in the first %d) "
                        + "+ %d fidelity runs; work folder %s%n",
                settings.mode(),
                settings.pairs(),
                configs.size(),
                settings.anchorRounds(),
                settings.fidelityRuns() * jdks.size(),
                work);
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
        return configs.stream()
                .filter(c -> round <= settings.anchorRounds() || !c.isAnchor())
                .toList();
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
