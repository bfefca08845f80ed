package io.github.jmhpprof.jmh;

import io.github.jmhpprof.compare.CompareCommand;
import io.github.jmhpprof.files.AtomicFiles;
import io.github.jmhpprof.files.FileNames;
import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.model.ProfileKind;
import io.github.jmhpprof.pprof.ProfileFiles;
import io.github.jmhpprof.report.ComparisonReport;
import io.github.jmhpprof.report.ComparisonRow;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the host knows about the whole run, across benchmarks (JMH makes a new profiler for each
 * benchmark, so this is per JVM and output root). After every benchmark it rewrites
 * {@code <dir>/all/<kind>.pb.gz} (all benchmarks so far, told apart by their {@code benchmark}
 * label) and the comparison report; when the JVM exits it prints the report after JMH's output.
 */
final class RunRegistry {

    private static final Map<Path, RunRegistry> RUNS = new HashMap<>();
    private static boolean hookInstalled;

    private final OutputLayout layout;
    private final Map<String, ComparisonRow> rows = new LinkedHashMap<>();
    /** Benchmarks with a fork launched but not yet done: when they never finish, they are settled later. */
    private final Map<String, Pending> pending = new LinkedHashMap<>();

    private record Pending(TrialAssembler assembler, ForkRole lastLaunched) {}
    /** Why forks of a benchmark wrote no report, as they said it, for its summary and report row. */
    private final Map<String, List<String>> forkFailures = new HashMap<>();

    private final Map<ProfileKind, ProfileData> all = new EnumMap<>(ProfileKind.class);
    /** An earlier run's output root to compare this run with when the JVM exits ({@code baseline=}), or null. */
    private Path baseline;
    /** This run's output root as the user gave it, to name it beside the baseline. */
    private Path shownDir;

    private RunRegistry(OutputLayout layout) {
        this.layout = layout;
    }

    /**
     * The start of a run into {@code layout}'s root, before its first fork: takes the root's
     * {@link RunLock} (once per JVM) and puts back what a killed run had set aside.
     *
     * @throws IllegalStateException naming the holder, when another run writes to the same root
     */
    static synchronized RunRegistry begin(OutputLayout layout) throws IOException {
        if (!RunLock.heldHere(layout.root())) {
            RunLock.acquire(layout.root());
            for (Path restored : PreviousRun.restoreAll(layout.root())) {
                System.out.println("pprof: put back the profiles in " + restored + " that an earlier run, "
                        + "stopped before it could replace them, had set aside in " + FileNames.PREVIOUS_RUN);
            }
        }
        return of(layout);
    }

    static synchronized RunRegistry of(OutputLayout layout) {
        if (!hookInstalled) {
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> {
                                settleAll(null);
                                printAll(System.out);
                            },
                            "jmh-pprof report"));
            hookInstalled = true;
        }
        return RUNS.computeIfAbsent(layout.root(), root -> new RunRegistry(layout));
    }

    /**
     * The host launched a measured fork of a benchmark. JMH runs benchmarks one after another, so
     * any other benchmark still pending has ended early: settle it now, while the output is near.
     */
    void launched(String benchmarkId, TrialAssembler assembler, ForkRole role) {
        settleAll(benchmarkId);
        synchronized (this) {
            pending.put(benchmarkId, new Pending(assembler, role));
        }
    }

    private static void settleAll(String except) {
        List<Pending> early = new ArrayList<>();
        synchronized (RunRegistry.class) {
            for (RunRegistry run : RUNS.values()) {
                synchronized (run) {
                    run.pending.entrySet().removeIf(e -> {
                        if (e.getKey().equals(except)) {
                            return false;
                        }
                        early.add(e.getValue());
                        return true;
                    });
                }
            }
        }
        for (Pending p : early) {
            System.out.print(p.assembler().afterEarlyEnd(p.lastLaunched()));
            System.out.flush();
        }
    }

    synchronized void forkFailed(String benchmarkId, String why) {
        forkFailures.computeIfAbsent(benchmarkId, k -> new ArrayList<>()).add(why);
    }

    synchronized List<String> forkFailures(String benchmarkId) {
        return List.copyOf(forkFailures.getOrDefault(benchmarkId, List.of()));
    }

    synchronized void benchmarkDone(String benchmarkId, ComparisonRow row, Map<ProfileKind, ProfileData> profiles)
            throws IOException {
        pending.remove(benchmarkId);
        rows.put(benchmarkId, row);
        for (Map.Entry<ProfileKind, ProfileData> e : profiles.entrySet()) {
            ProfileData sofar = all.get(e.getKey());
            ProfileData merged = sofar == null
                    ? ProfileData.merge(List.of(e.getValue()))
                    : ProfileData.merge(List.of(sofar, e.getValue()));
            merged.replaceComments(List.of(
                    "all benchmarks of this run, told apart by the labels benchmark and params: "
                            + "go tool pprof -tags, -tagfocus=benchmark=<name>",
                    "benchmarks: " + rows.size()));
            ViewerTitle.set(merged, "all " + rows.size() + " benchmarks of the run");
            all.put(e.getKey(), merged);
            ProfileFiles.write(merged, OutputLayout.profile(layout.allDir(), e.getKey()));
        }
        ComparisonReport report = report();
        writeAtomically(layout.comparisonMarkdown(), report.markdown());
        writeAtomically(layout.comparisonCsv(), report.csv());
    }

    synchronized void compareAtExitWith(Path baseline, Path shownDir) {
        this.baseline = baseline;
        this.shownDir = shownDir;
    }

    private synchronized ComparisonReport report() {
        return new ComparisonReport(new ArrayList<>(rows.values()));
    }

    private static synchronized void printAll(PrintStream out) {
        for (RunRegistry run : RUNS.values()) {
            if (run.rows.isEmpty()) {
                continue;
            }
            out.println();
            out.println("pprof comparison, per operation (also in " + run.layout.comparisonMarkdown()
                    + " and comparison.csv):");
            out.print(run.report().text());
            out.println();
            out.print(OpenCommand.forBenchmark(
                    run.layout.benchmarkDir(run.rows.keySet().iterator().next())));
            if (run.baseline != null) {
                out.println();
                out.print(CompareCommand.againstBaseline(run.baseline, run.shownDir));
            }
        }
        out.flush();
    }

    private static void writeAtomically(Path file, String text) {
        try {
            AtomicFiles.write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("pprof: cannot write " + file, e);
        }
    }
}
