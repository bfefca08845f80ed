package io.github.jmhpprof.selfbench;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** Command-line settings. Modes set the defaults; the other options override them. */
record Settings(
        String mode,
        int pairs,
        int anchorRounds,
        List<String> configs,
        String benchmarks,
        List<String> jmhArgs,
        int fidelityRuns,
        Path jar,
        List<Path> javas,
        Path out,
        Path work,
        String stem,
        String command,
        boolean help) {

    static final String USAGE = """
            Usage: java -jar selfbench/target/selfbench.jar [--smoke|--quick|--full] [options]   (from the repository root)
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
                                      (default: the java running this, and the JDK 25 of Maven's toolchains file
                                      ~/.m2/toolchains.xml, which ./setup.sh writes, if it lists one)
              --jar PATH              benchmarks jar (default: benchmarks/target/benchmarks.jar)
              --out DIR               where the report goes (default: selfbench/results)
              --name STEM             report file name without extension (default: <date>-<mode>)
            """;

    private static final String HIGH_RATE = "pprof:interval=1ms;allocRate=10000/s";

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
            if (Runtime.version().feature() != 25) {
                Toolchains.java(Toolchains.userFile(), 25).ifPresent(javas::add);
            }
        }
        String stem = name != null ? name : LocalDate.now() + "-" + mode + (configs != null ? "-custom" : "");
        String command = "java -jar selfbench/target/selfbench.jar"
                + Arrays.stream(args).map(Settings::quote).map(s -> " " + s).collect(Collectors.joining());
        int rounds = pairs != null ? pairs : defaultPairs;
        int defaultAnchorRounds = mode.equals("quick") ? Math.min(3, rounds) : rounds;
        return new Settings(
                mode,
                rounds,
                Math.min(rounds, anchorRounds != null ? anchorRounds : defaultAnchorRounds),
                List.of((configs != null ? configs : defaultConfigs).split(",")),
                benchmarks,
                List.of((jmhArgs != null ? jmhArgs : defaultJmhArgs).trim().split("\\s+")),
                fidelity != null ? fidelity : defaultFidelity,
                jar.toAbsolutePath(),
                javas,
                out,
                Path.of("selfbench/work"),
                stem,
                command,
                help);
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
