package io.github.jmhpprof.jmh;

import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.pprof.ProfileFiles;
import io.github.jmhpprof.report.PerOperation;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;
import org.openjdk.jmh.results.TextResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

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

    TrialAssembler(ProfilerOptions options, BenchmarkParams benchmark) {
        this.options = options;
        this.benchmark = benchmark;
        this.layout = new OutputLayout(options.dir());
    }

    List<Result> afterFork(ForkRole role) {
        String id = benchmark.id();
        List<Path> forkDirs = layout.completedForks(id, role.fork());
        Path thisFork = layout.forkDir(id, role.fork());
        if (!forkDirs.contains(thisFork)) {
            return List.of(text("pprof: no profiles from fork " + role.fork() + " of " + id
                    + ": it ended without writing its report (see the fork's output above)"));
        }
        try {
            List<ForkReport> reports = new ArrayList<>();
            for (Path dir : forkDirs) {
                reports.add(ForkReport.read(dir.resolve(OutputLayout.FORK_REPORT)));
            }
            ForkReport thisReport = reports.get(forkDirs.indexOf(thisFork));
            ForkReport total = ForkReport.sum(reports);
            Map<EventKind, ProfileData> merged = mergeForks(forkDirs, role, total);
            if (role.forks() == 1) {
                removeForkDir(thisFork);
            }
            List<Result> results = new ArrayList<>();
            if (options.events().contains(EventKind.CPU) && !thisReport.hasFailed()) {
                results.add(new ScalarResult(CPU_COVERAGE, thisReport.coverage(), "ratio", AggregationPolicy.AVG));
            }
            if (role.fork() == role.forks()) {
                Path shownDir = options.dir().resolve(layout.benchmarkDir(id).getFileName());
                results.add(text(new Summary(id, shownDir, role.forks(), forkDirs.size()).text(merged, total)));
                RunRegistry.of(layout).benchmarkDone(id, ComparisonRows.of(benchmark, merged, total), merged);
            }
            return results;
        } catch (IOException | RuntimeException e) {
            return List.of(text("pprof: could not assemble the profiles of " + id + " after fork " + role.fork() + ": " + e));
        }
    }

    private Map<EventKind, ProfileData> mergeForks(List<Path> forkDirs, ForkRole role, ForkReport total) throws IOException {
        Map<EventKind, ProfileData> merged = new EnumMap<>(EventKind.class);
        for (EventKind kind : options.events()) {
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
            Path benchmarkDir = layout.benchmarkDir(benchmark.id());
            ProfileFiles.write(profile, OutputLayout.profile(benchmarkDir, kind));
            if (kind.perOperation() && total.operations() > 0) {
                ProfileFiles.write(PerOperation.of(profile, total.operations()), OutputLayout.perOperationProfile(benchmarkDir, kind));
            }
            merged.put(kind, profile);
        }
        return merged;
    }

    private static void removeForkDir(Path forkDir) throws IOException {
        try (var files = Files.list(forkDir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(forkDir);
    }

    private static TextResult text(String text) {
        return new TextResult(text.endsWith("\n") ? text : text + "\n", "pprof");
    }
}
