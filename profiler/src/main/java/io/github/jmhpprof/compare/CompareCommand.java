package io.github.jmhpprof.compare;

import io.github.jmhpprof.files.AtomicFiles;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The command line of {@link io.github.jmhpprof.Compare}: parses, compares, prints and writes, applies the gate. */
public final class CompareCommand {

    public static final int OK = 0;
    public static final int GATE_FAILED = 1;
    public static final int BAD_INPUT = 2;

    static final String USAGE = """
            usage: java -cp benchmarks.jar io.github.jmhpprof.Compare [options] OLD NEW...
              OLD, NEW     dir= folders of -prof pprof runs (default ./pprof); each NEW is compared with OLD.
                           Join folders of the same code with commas (a,b) to take them as one run:
                           their forks are pooled (e.g. the shards of a CI matrix).
              --csv FILE   also write the comparison as CSV
              --markdown FILE  also write it as Markdown
              --alpha A    significance level of the U-test, 0 < A < 1 (default 0.05)
              --sort S     name | delta (most slowed down first) | input (default: as OLD lists them)
              --top N      functions listed per profile whose per-op value changed most (default 3)
              --max-slowdown=PCT      exit 1 when a benchmark is significantly slower by more than PCT %
              --max-alloc-growth=PCT  exit 1 when a benchmark allocates more than PCT % more bytes per op
            exit status: 0 compared (and passed the gate), 1 failed the gate, 2 bad arguments or folders
            """;

    /** The parsed command line. */
    record Options(
            List<String> runs, Path csv, Path markdown, double alpha, Comparison.Order order, int top, Gate gate) {}

    private CompareCommand() {}

    public static int run(String[] args, PrintStream out, PrintStream err) {
        Options options;
        try {
            if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
                out.print(USAGE);
                return OK;
            }
            options = parse(args);
        } catch (IllegalArgumentException e) {
            err.println("Compare: " + e.getMessage());
            err.print(USAGE);
            return BAD_INPUT;
        }
        try {
            List<Comparison> comparisons = compare(options);
            StringBuilder markdown = new StringBuilder();
            for (Comparison c : comparisons) {
                out.print(ComparisonTables.text(c));
                out.println();
                markdown.append(ComparisonTables.markdown(c)).append('\n');
            }
            if (options.csv() != null) {
                write(options.csv(), ComparisonCsv.csv(comparisons));
            }
            if (options.markdown() != null) {
                write(options.markdown(), markdown.toString());
            }
            List<String> failures = new ArrayList<>();
            comparisons.forEach(c -> failures.addAll(options.gate().failures(c)));
            for (String failure : failures) {
                out.println("FAIL: " + failure);
            }
            return failures.isEmpty() ? OK : GATE_FAILED;
        } catch (IOException | IllegalArgumentException e) {
            err.println("Compare: " + e.getMessage());
            return BAD_INPUT;
        }
    }

    /** Compares the first run with each of the others. */
    public static List<Comparison> compare(List<String> runs, double alpha, Comparison.Order order, int top)
            throws IOException {
        Run base = read(runs.get(0));
        List<Comparison> comparisons = new ArrayList<>();
        for (String name : runs.subList(1, runs.size())) {
            comparisons.add(Comparison.of(base, read(name), alpha, top, order));
        }
        return comparisons;
    }

    /** For {@code -prof pprof:baseline=DIR}: the comparison of this run with the baseline, as text to print. */
    public static String againstBaseline(Path baseline, Path run) {
        try {
            Comparison c = Comparison.of(
                    Run.read(baseline.toString(), List.of(baseline)),
                    Run.read(run.toString(), List.of(run)),
                    0.05,
                    3,
                    Comparison.Order.INPUT);
            return ComparisonTables.text(c);
        } catch (IOException | IllegalArgumentException e) {
            return "pprof: cannot compare with baseline " + baseline + ": " + e.getMessage() + "\n";
        }
    }

    private static List<Comparison> compare(Options o) throws IOException {
        return compare(o.runs(), o.alpha(), o.order(), o.top());
    }

    private static Run read(String argument) throws IOException {
        List<Path> dirs = Arrays.stream(argument.split(","))
                .filter(s -> !s.isBlank())
                .map(Path::of)
                .toList();
        return Run.read(argument, dirs);
    }

    static Options parse(String[] args) {
        List<String> runs = new ArrayList<>();
        Path csv = null;
        Path markdown = null;
        double alpha = 0.05;
        Comparison.Order order = Comparison.Order.INPUT;
        int top = 3;
        double maxSlowdown = Double.NaN;
        double maxAllocGrowth = Double.NaN;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--")) {
                runs.add(arg);
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg : arg.substring(0, eq);
            String value;
            if (eq >= 0) {
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException(name + " needs a value");
            }
            switch (name) {
                case "--csv" -> csv = Path.of(value);
                case "--markdown" -> markdown = Path.of(value);
                case "--alpha" -> alpha = number(name, value, 0, 1, false);
                case "--sort" -> order = Comparison.Order.parse(value);
                case "--top" -> top = (int) number(name, value, 0, 100, true);
                case "--max-slowdown" -> maxSlowdown = number(name, value, 0, Double.MAX_VALUE, true);
                case "--max-alloc-growth" -> maxAllocGrowth = number(name, value, 0, Double.MAX_VALUE, true);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        if (runs.size() < 2) {
            throw new IllegalArgumentException("give an OLD and at least one NEW run folder, got " + runs.size());
        }
        return new Options(runs, csv, markdown, alpha, order, top, new Gate(maxSlowdown, maxAllocGrowth));
    }

    private static double number(String name, String value, double min, double max, boolean inclusive) {
        double v;
        try {
            v = Double.parseDouble(value.endsWith("%") ? value.substring(0, value.length() - 1) : value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " " + value + ": not a number");
        }
        boolean ok = inclusive ? v >= min && v <= max : v > min && v < max;
        if (!ok) {
            String range = max == Double.MAX_VALUE
                    ? "at least " + ComparisonTables.plain(min)
                    : "between " + ComparisonTables.plain(min) + " and " + ComparisonTables.plain(max);
            throw new IllegalArgumentException(
                    name + " " + value + ": must be " + range + (inclusive ? "" : " (exclusive)"));
        }
        return v;
    }

    private static void write(Path file, String text) throws IOException {
        AtomicFiles.write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }
}
