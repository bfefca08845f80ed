package io.github.jmhpprof.compare;

import io.github.jmhpprof.files.AtomicFiles;
import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What a comparison of two runs needs from one benchmark × @Param combination of a run, kept in
 * {@code <benchmark folder>/scores.properties}: JMH's primary score of every measurement iteration,
 * fork by fork, with its unit and mode, and each fork's exact counters. A small properties file
 * (format 1, described in docs/compare-runs.md) so that CI scripts can read it too:
 * <pre>
 * format=1
 * benchmark=org.example.MyBenchmark.method
 * mode=avgt
 * unit=us/op
 * param.size=100
 * forks=2
 * fork.1.scores=12.5 13.1 12.9
 * fork.1.operations=240000
 * fork.1.allocatedBytes=130243200000
 * fork.1.cpuProfileNanos=2910000000
 * fork.2.scores=...
 * </pre>
 *
 * @param benchmark the benchmark method's full name
 * @param mode      JMH's mode, short label ({@code thrpt}, {@code avgt}, {@code sample}, {@code ss})
 * @param params    @Param values by name, sorted by name
 * @param unit      the score's unit, e.g. {@code us/op} or {@code ops/s}
 * @param forks     the measured forks, in order
 */
public record BenchmarkScores(
        String benchmark, String mode, Map<String, String> params, String unit, List<Fork> forks) {

    public static final int FORMAT = 1;

    /**
     * One fork.
     *
     * @param scores          JMH's primary score of each measurement iteration
     * @param operations      benchmark operations in those iterations
     * @param allocatedBytes  exact bytes the benchmark threads allocated in them (ThreadMXBean)
     * @param cpuProfileNanos CPU time the fork's CPU profile accounts for (0 without a CPU profile)
     */
    public record Fork(double[] scores, long operations, long allocatedBytes, long cpuProfileNanos) {

        /** The median score: one value per fork, so that a fork's JIT luck counts once. */
        public double median() {
            return Stats.median(scores);
        }
    }

    public BenchmarkScores {
        params = new TreeMap<>(params);
        forks = List.copyOf(forks);
    }

    /** Benchmark, mode and params: what must match for two runs' results to be compared. */
    public String key() {
        return benchmark + " " + mode + " " + paramsText();
    }

    /** {@code key=value, key=value}, or empty without @Params. */
    public String paramsText() {
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** Throughput units ({@code ops/s}) grow when faster; time units ({@code us/op}) shrink. */
    public boolean higherIsBetter() {
        return unit.startsWith("ops/");
    }

    public long operations() {
        return forks.stream().mapToLong(Fork::operations).sum();
    }

    /** Exact bytes per operation over all forks; NaN without operations. */
    public double bytesPerOp() {
        long ops = operations();
        return ops == 0
                ? Double.NaN
                : (double) forks.stream().mapToLong(Fork::allocatedBytes).sum() / ops;
    }

    /** CPU time per operation that the CPU profiles account for; NaN without a CPU profile. */
    public double cpuNanosPerOp() {
        long ops = operations();
        long cpu = forks.stream().mapToLong(Fork::cpuProfileNanos).sum();
        return ops == 0 || cpu == 0 ? Double.NaN : (double) cpu / ops;
    }

    /** Every iteration's score, all forks together. */
    public double[] iterationScores() {
        return forks.stream().flatMapToDouble(f -> Arrays.stream(f.scores())).toArray();
    }

    public double[] forkMedians() {
        return forks.stream().mapToDouble(Fork::median).toArray();
    }

    /** This run's forks followed by another's of the same benchmark (e.g. shards of one CI matrix). */
    public BenchmarkScores withForksOf(BenchmarkScores other) {
        if (!other.key().equals(key()) || !other.unit.equals(unit)) {
            throw new IllegalArgumentException("cannot merge " + other.key() + " in " + other.unit + " into " + key()
                    + " in " + unit + ": run both with the same benchmark options (-bm, -tu)");
        }
        List<Fork> all = new ArrayList<>(forks);
        all.addAll(other.forks);
        return new BenchmarkScores(benchmark, mode, params, unit, all);
    }

    /** Writes the file with its keys in the documented order, so that people and diffs can read it. */
    public void write(Path file) throws IOException {
        StringBuilder text =
                new StringBuilder("# jmh-pprof scores: JMH's score of every measurement iteration, fork by fork"
                        + " (docs/compare-runs.md)\n");
        line(text, "format", Integer.toString(FORMAT));
        line(text, "benchmark", benchmark);
        line(text, "mode", mode);
        line(text, "unit", unit);
        params.forEach((k, v) -> line(text, "param." + k, v));
        line(text, "forks", Integer.toString(forks.size()));
        for (int i = 0; i < forks.size(); i++) {
            Fork f = forks.get(i);
            String prefix = "fork." + (i + 1) + ".";
            line(text, prefix + "scores", scoresText(f.scores()));
            line(text, prefix + "operations", Long.toString(f.operations()));
            line(text, prefix + "allocatedBytes", Long.toString(f.allocatedBytes()));
            line(text, prefix + "cpuProfileNanos", Long.toString(f.cpuProfileNanos()));
        }
        AtomicFiles.write(file, out -> out.write(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** Scores as this file and a fork's iterations file hold them: separated by spaces, each as {@link Double#toString} writes it. */
    public static String scoresText(double[] scores) {
        return Arrays.stream(scores).mapToObj(Double::toString).collect(Collectors.joining(" "));
    }

    /** Reads {@link #scoresText}. */
    public static double[] parseScores(String text) {
        String scores = text.strip();
        return scores.isEmpty()
                ? new double[0]
                : Arrays.stream(scores.split("\\s+"))
                        .mapToDouble(Double::parseDouble)
                        .toArray();
    }

    /** One {@code key=value} line, escaped as {@link Properties#load} reads it back. */
    private static void line(StringBuilder text, String key, String value) {
        Properties one = new Properties();
        one.setProperty(key, value);
        StringWriter w = new StringWriter();
        try {
            one.store(w, null);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
        // store() writes a date comment first, then the one entry.
        String[] lines = w.toString().split("\\R");
        text.append(lines[lines.length - 1]).append('\n');
    }

    /** Reads a scores file; a clear error names the file and what is wrong with it. */
    public static BenchmarkScores read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        try {
            int format = Integer.parseInt(required(p, "format"));
            if (format != FORMAT) {
                throw new IllegalArgumentException("format " + format + ", this jmh-pprof reads format " + FORMAT
                        + ": compare with the jmh-pprof version that wrote it");
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (String name : p.stringPropertyNames()) {
                if (name.startsWith("param.")) {
                    params.put(name.substring("param.".length()), p.getProperty(name));
                }
            }
            int forkCount = Integer.parseInt(required(p, "forks"));
            List<Fork> forks = new ArrayList<>();
            for (int i = 1; i <= forkCount; i++) {
                String prefix = "fork." + i + ".";
                forks.add(new Fork(
                        parseScores(required(p, prefix + "scores")),
                        Long.parseLong(required(p, prefix + "operations")),
                        Long.parseLong(required(p, prefix + "allocatedBytes")),
                        Long.parseLong(required(p, prefix + "cpuProfileNanos"))));
            }
            return new BenchmarkScores(
                    required(p, "benchmark"), required(p, "mode"), params, required(p, "unit"), forks);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + " is not a jmh-pprof scores file: " + e.getMessage(), e);
        }
    }

    private static String required(Properties p, String key) {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IllegalArgumentException("it has no " + key);
        }
        return value;
    }
}
