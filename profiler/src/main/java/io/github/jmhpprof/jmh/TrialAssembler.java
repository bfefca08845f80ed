package io.github.jmhpprof.jmh;

import io.github.jmhpprof.compare.BenchmarkScores;
import io.github.jmhpprof.files.FileNames;
import io.github.jmhpprof.files.WriteErrors;
import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.model.ProfileKind;
import io.github.jmhpprof.pprof.ProfileFiles;
import io.github.jmhpprof.report.PerOperation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;
import org.openjdk.jmh.results.TextResult;

/**
 * The host's half, after each fork of a benchmark: adds up the profiles of the forks done so far
 * into {@code <benchmark>/<kind>.pb.gz} (so a crash in a later fork loses only that fork), keeps
 * each fork's own files in {@code fork-<n>/} when there are several, and reports the results
 * that belong to a whole fork rather than to an iteration, such as CPU coverage.
 */
final class TrialAssembler {

    static final String CPU_COVERAGE = "pprof.cpu.coverage";

    private final ProfilerOptions options;
    private final BenchmarkParams benchmark;
    private final OutputLayout layout;
    /** Found on first use: only the forks' profiles need them, not the launch that builds this. */
    private InvocationFixtures fixtures;

    TrialAssembler(ProfilerOptions options, BenchmarkParams benchmark) {
        this.options = options;
        this.benchmark = benchmark;
        this.layout = options.layout();
    }

    private InvocationFixtures fixtures() {
        if (fixtures == null) {
            fixtures = InvocationFixtures.find(benchmark.getBenchmark());
        }
        return fixtures;
    }

    /**
     * After a fork that JMH saw finish: merge the forks so far; after the last, summarise and register.
     *
     * @param forkSaid what the fork's profiler reported when it could not write its files, or empty
     */
    List<Result> afterFork(ForkRole role, String forkSaid) {
        String id = benchmark.id();
        List<Path> forkDirs = layout.completedForks(id, role.fork());
        Path thisFork = layout.forkDir(id, role.fork());
        if (!forkDirs.contains(thisFork)) {
            return afterForkWithoutReport(role, forkSaid, forkDirs);
        }
        try {
            Assembled assembled = assemble(forkDirs, role);
            ForkReport thisReport = ForkReport.read(thisFork.resolve(FileNames.FORK_REPORT));
            if (role.forks() == 1) {
                OutputLayout.removeForkDir(thisFork);
            }
            List<Result> results = new ArrayList<>();
            if (options.events().contains(ProfileKind.CPU) && !thisReport.hasFailed()) {
                results.add(new ScalarResult(CPU_COVERAGE, thisReport.coverage(), "ratio", AggregationPolicy.AVG));
            }
            if (role.fork() == role.forks()) {
                // Printed, not returned as a TextResult: JMH would add a "<benchmark>:pprof NaN ---" row to its table.
                System.out.print(
                        "\n" + finish(assembled, role, forkDirs.size(), "")); // JMH's "# Processing..." line has no end
                System.out.flush();
            }
            return results;
        } catch (IOException | RuntimeException e) {
            return List.of(
                    text("pprof: could not assemble the profiles of " + id + " after fork " + role.fork() + ": " + e));
        }
    }

    /**
     * A fork JMH saw finish left no report: say why where it happens (the fork's own words when it
     * gave them), and again in the benchmark's summary and report row.
     */
    private List<Result> afterForkWithoutReport(ForkRole role, String forkSaid, List<Path> forkDirs) {
        String id = benchmark.id();
        String why = "fork " + role.fork() + " of " + role.forks() + " wrote no profiles: "
                + (forkSaid.isBlank()
                        ? "it ended without writing its report (see the fork's output above)"
                        : forkSaid.strip().replaceFirst("^pprof: ", ""));
        RunRegistry registry = RunRegistry.of(layout);
        registry.forkFailed(id, why);
        if (role.fork() < role.forks()) {
            return List.of(text("pprof: " + why));
        }
        if (!forkDirs.isEmpty()) {
            try {
                return List.of(text(finish(assemble(forkDirs, role), role, forkDirs.size(), "")));
            } catch (IOException | RuntimeException e) {
                return List.of(text(
                        "pprof: could not assemble the profiles of " + id + " after fork " + role.fork() + ": " + e));
            }
        }
        String note = Notes.join(registry.forkFailures(id));
        try {
            note += keptNote(PreviousRun.restore(layout.benchmarkDir(id)));
            registry.benchmarkDone(id, ComparisonRows.missing(benchmark, "no profiles: " + note), Map.of());
        } catch (IOException | RuntimeException e) {
            note += "; nor could the comparison report say so: " + WriteErrors.describe(e);
        }
        return List.of(text("pprof: no profiles for " + id + ": " + note));
    }

    private static String keptNote(boolean kept) {
        return kept ? "; the previous run's profiles are kept" : "";
    }

    /**
     * For a benchmark whose forks stopped early (it threw, or its JVM exited): keep what the forks
     * wrote, and say why the rest is missing. Returns the text to print.
     */
    String afterEarlyEnd(ForkRole lastLaunched) {
        String id = benchmark.id();
        String why = "its fork " + lastLaunched.fork() + " of " + lastLaunched.forks()
                + " ended early (the benchmark failed or its JVM exited; see JMH's output)";
        List<Path> forkDirs = layout.completedForks(id, lastLaunched.fork());
        try {
            if (forkDirs.isEmpty()) {
                why += keptNote(PreviousRun.restore(layout.benchmarkDir(id)));
                RunRegistry.of(layout)
                        .benchmarkDone(id, ComparisonRows.missing(benchmark, "no profiles: " + why), Map.of());
                return "pprof: no profiles for " + id + ": " + why + "\n";
            }
            Assembled assembled = assemble(forkDirs, lastLaunched);
            return finish(assembled, lastLaunched, forkDirs.size(), "partial: " + why);
        } catch (IOException | RuntimeException e) {
            return "pprof: could not assemble the profiles of " + id + ": " + e + "\n";
        }
    }

    /** @param fixtureShares each merged profile's share in Level.Invocation fixtures, where it has one */
    private record Assembled(
            Map<ProfileKind, ProfileData> merged, ForkReport total, Map<ProfileKind, Double> fixtureShares) {}

    private Assembled assemble(List<Path> forkDirs, ForkRole role) throws IOException {
        List<ForkReport> reports = new ArrayList<>();
        for (Path dir : forkDirs) {
            reports.add(ForkReport.read(dir.resolve(FileNames.FORK_REPORT)));
        }
        ForkReport total = ForkReport.sum(reports);
        writeScores(forkDirs, reports);
        Map<ProfileKind, Double> fixtureShares = new EnumMap<>(ProfileKind.class);
        return new Assembled(mergeForks(forkDirs, role, total, fixtureShares), total, fixtureShares);
    }

    /** What {@code Compare} needs of the forks so far: their iteration scores and exact counters. */
    private void writeScores(List<Path> forkDirs, List<ForkReport> reports) throws IOException {
        List<BenchmarkScores.Fork> forks = new ArrayList<>();
        String unit = "";
        for (int i = 0; i < forkDirs.size(); i++) {
            IterationScores scores = IterationScores.read(forkDirs.get(i));
            ForkReport report = reports.get(i);
            unit = unit.isEmpty() ? scores.unit() : unit;
            forks.add(new BenchmarkScores.Fork(
                    scores.scores(),
                    report.operations(),
                    report.work().allocatedBytes(),
                    report.cpu().profileNanos()));
        }
        Map<String, String> params = new TreeMap<>();
        benchmark.getParamsKeys().forEach(k -> params.put(k, benchmark.getParam(k)));
        new BenchmarkScores(benchmark.getBenchmark(), benchmark.getMode().shortLabel(), params, unit, forks)
                .write(layout.benchmarkDir(benchmark.id()).resolve(FileNames.SCORES));
    }

    private String finish(Assembled a, ForkRole role, int forksWithProfiles, String note) throws IOException {
        String id = benchmark.id();
        Path shownDir = options.dir().resolve(layout.benchmarkDir(id).getFileName());
        PreviousRun.discard(layout.benchmarkDir(id));
        RunRegistry registry = RunRegistry.of(layout);
        String fixtureNote = fixtures().isEmpty()
                ? ""
                : fixtures()
                        .note(
                                a.fixtureShares().get(ProfileKind.CPU),
                                a.fixtureShares().get(ProfileKind.ALLOC));
        String fullNote = Notes.join(
                note, Notes.join(registry.forkFailures(id)), a.total().note(), fixtureNote);
        String summary =
                new Summary(id, shownDir, role.forks(), forksWithProfiles).text(a.merged(), a.total(), fullNote);
        registry.benchmarkDone(id, ComparisonRows.of(benchmark, a.merged(), a.total(), fullNote), a.merged());
        registry.compareAtExitWith(options.baseline(), options.dir());
        return summary;
    }

    /** Writes the merged profiles and returns them; puts their shares in fixtures into {@code fixtureShares}. */
    private Map<ProfileKind, ProfileData> mergeForks(
            List<Path> forkDirs, ForkRole role, ForkReport total, Map<ProfileKind, Double> fixtureShares)
            throws IOException {
        Map<ProfileKind, ProfileData> merged = new EnumMap<>(ProfileKind.class);
        for (ProfileKind kind : options.events()) {
            List<ProfileData> parts = new ArrayList<>();
            for (Path dir : forkDirs) {
                Path file = OutputLayout.profile(dir, kind);
                if (Files.isRegularFile(file)) {
                    parts.add(ProfileFiles.read(file));
                }
            }
            if (parts.isEmpty()) {
                continue;
            }
            ProfileData profile = ProfileData.merge(parts);
            profile.putComment("operations", Long.toString(total.operations()));
            if (role.forks() > 1) {
                profile.putComment("forks", parts.size() + " of " + role.forks() + " merged");
            }
            Double inFixtures = fixtures().share(kind, profile);
            if (inFixtures != null) {
                profile.putComment("fixtures", fixtures().comment(inFixtures));
                fixtureShares.put(kind, inFixtures);
            }
            Path benchmarkDir = layout.benchmarkDir(benchmark.id());
            ProfileFiles.write(profile, OutputLayout.profile(benchmarkDir, kind));
            if (kind.perOperation() && total.operations() > 0) {
                ProfileFiles.write(
                        PerOperation.of(profile, total.operations()),
                        OutputLayout.perOperationProfile(benchmarkDir, kind));
            }
            merged.put(kind, profile);
        }
        return merged;
    }

    private static TextResult text(String text) {
        return new TextResult(text.endsWith("\n") ? text : text + "\n", "pprof");
    }
}
