package io.github.jmhpprof.jmh;

import io.github.jmhpprof.files.FileNames;
import io.github.jmhpprof.files.WriteErrors;
import io.github.jmhpprof.model.ProfileKind;
import io.github.jmhpprof.threads.ThreadSelector;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;
import org.openjdk.jmh.results.TextResult;
import org.openjdk.jmh.runner.IterationType;

/**
 * One benchmark in the JVM that runs it, at JMH's iteration edges: starts the
 * {@link ForkRecording} at the first iteration, has {@link MeasuredIterations} take the exact
 * counters of each measurement iteration, and after the last one has {@link ForkProfiles} write
 * this fork's pprof files and {@link ForkReport}. The host then assembles the forks
 * ({@link TrialAssembler}); with {@code -f 0} this JVM is the host and does it itself.
 */
final class BenchmarkSession {

    static final String ALLOC_NORM = "pprof.alloc.norm";

    private final ProfilerOptions options;
    private final BenchmarkParams benchmark;
    private final ForkRole role;
    private final OutputLayout layout;
    private final ThreadSelector selector =
            new ThreadSelector(Thread.currentThread().getId());
    private final MeasuredIterations measured = new MeasuredIterations(selector);
    private final ForkRecording recording;
    /** Each warmup iteration's edges run on a throwaway, so the measured ones load no class. */
    private MeasuredIterations warmupEdges;
    /** Made once, in warmup: a method reference made at the last iteration would spin its class inside other profilers' windows. */
    private final Supplier<String> finishLater = this::finishDeferred;
    /** The same for {@link #followRate}, run after a measured iteration but the last. */
    private final Supplier<String> followRateLater = () -> {
        followRate();
        return "";
    };

    BenchmarkSession(ProfilerOptions options, BenchmarkParams benchmark, ForkRole role) {
        this.options = options;
        this.benchmark = benchmark;
        this.role = role;
        this.layout = options.layout();
        this.recording = new ForkRecording(options, benchmark, selector);
    }

    boolean isFor(BenchmarkParams params) {
        return params == benchmark || params.id().equals(benchmark.id());
    }

    void beforeIteration(IterationParams iteration) {
        if (role.kind() == ForkRole.Kind.WARMUP) {
            return;
        }
        if (!recording.isStarted()) {
            start();
        }
        recording.beforeIteration(iteration);
        if (iteration.getType() == IterationType.MEASUREMENT) {
            measured.begin();
        } else {
            warmupEdges = new MeasuredIterations(selector);
            warmupEdges.begin();
        }
    }

    private void start() {
        try {
            if (role.kind() == ForkRole.Kind.EMBEDDED) {
                RunRegistry.begin(layout);
                PreviousRun.setAside(layout.benchmarkDir(benchmark.id()));
            }
            recording.start();
        } catch (IllegalStateException | SecurityException e) {
            recording.fail(e.getMessage());
        } catch (IOException e) {
            recording.fail(WriteErrors.describe(e));
        }
    }

    List<Result> afterIteration(IterationParams iteration, IterationResult result) {
        if (role.kind() == ForkRole.Kind.WARMUP) {
            return List.of();
        }
        if (iteration.getType() != IterationType.MEASUREMENT) {
            warmUpMeasuredEdge(result);
            recording.afterWarmupIteration();
            return List.of();
        }
        double iterationBytesPerOp = measured.end(result);
        recording.measurementIterationEnded(measured.lastBytes());
        // JMH ends the benchmark after an iteration that threw: this is the last chance to write what was recorded.
        boolean failed = measured.hasFailed();
        boolean last = failed || measured.count() == iteration.getCount();
        // A fork sends its results to the host after every profiler's afterIteration: the files
        // are written then, and the allocation interval re-chosen, out of the other profilers'
        // windows. An embedded run (-f 0), a failed iteration and a run without the B/op result
        // that carries the work do it now.
        boolean forked = role.kind() != ForkRole.Kind.EMBEDDED && wantsAlloc();
        boolean deferred = last && !failed && forked;
        List<Result> results = new ArrayList<>();
        if (wantsAlloc()) {
            // Every iteration reports it: JMH averages a label missing from an iteration as 0.
            Supplier<String> work = deferred ? finishLater : !last && forked ? followRateLater : null;
            results.add(
                    work != null
                            ? new AfterAllProfilersResult(ALLOC_NORM, iterationBytesPerOp, "B/op", work)
                            : new ScalarResult(ALLOC_NORM, iterationBytesPerOp, "B/op", AggregationPolicy.AVG));
        }
        if (!last && wantsAlloc() && !forked) {
            followRate();
        }
        if (last && !deferred) {
            results.addAll(finish(false));
        }
        return results;
    }

    /** Lets the allocation interval follow the rate of the measured iteration that just ended. */
    private void followRate() {
        recording.afterMeasurementIteration(
                measured.lastBytes(), Duration.ofNanos(measured.lastNanos()), measured.count());
    }

    /** What a measured iteration's end runs, run on throwaway objects at the end of each warmup iteration. */
    private void warmUpMeasuredEdge(IterationResult result) {
        if (warmupEdges != null) {
            warmupEdges.end(result);
            warmupEdges = null;
        }
        new AfterAllProfilersResult(ALLOC_NORM, 0, "B/op", null).runWork();
        new ScalarResult(ALLOC_NORM, 0, "B/op", AggregationPolicy.AVG);
    }

    private boolean wantsAlloc() {
        return options.events().contains(ProfileKind.ALLOC);
    }

    /** {@link #finish} run by {@link AfterAllProfilersResult}: returns what the host should be told, or empty. */
    private String finishDeferred() {
        StringBuilder said = new StringBuilder();
        for (Result r : finish(true)) {
            said.append(r.extendedInfo());
        }
        return said.toString();
    }

    /**
     * @param deferred run while JMH serialises the last result ({@link AfterAllProfilersResult}):
     *                 nothing may be printed then (the fork's output goes through the same link),
     *                 and a result can no longer be returned; the host then finds no fork report
     */
    private List<Result> finish(boolean deferred) {
        recording.stopWatchingOtherRecordings();
        Path forkDir = layout.forkDir(benchmark.id(), role.fork());
        long started = System.nanoTime();
        ForkProfiles.MeasurementEnd end = ForkProfiles.MeasurementEnd.take(options, recording);
        ForkReport report = report(forkDir, end, started);
        try {
            measured.iterationScores().write(forkDir); // before the report, whose presence marks the fork complete
            report.write(forkDir.resolve(FileNames.FORK_REPORT));
        } catch (IOException e) {
            // The host finds this text in the fork's results and repeats it in the summary and report.
            String why = "pprof: "
                    + (report.hasFailed()
                            ? report.failure()
                            : "cannot write to " + forkDir + ": " + WriteErrors.describe(e));
            if (!deferred) {
                System.out.println(why);
            }
            return role.kind() == ForkRole.Kind.EMBEDDED
                    ? new TrialAssembler(options, benchmark).afterFork(role, why)
                    : List.of(new TextResult(why + "\n", "pprof"));
        }
        return role.kind() == ForkRole.Kind.EMBEDDED
                ? new TrialAssembler(options, benchmark).afterFork(role, "")
                : List.of();
    }

    private ForkReport report(Path forkDir, ForkProfiles.MeasurementEnd end, long started) {
        if (recording.failure() != null) {
            return failed(recording.failure());
        }
        try {
            return new ForkProfiles(options, benchmark, recording, measured).write(forkDir, end, started);
        } catch (IOException e) {
            return failed("cannot write " + WriteErrors.describe(e));
        } catch (RuntimeException e) {
            return failed("converting the recording failed: " + e);
        } finally {
            recording.close();
        }
    }

    /** A report without profiles: operations and bytes still count, CPU time does not (no profile to cover it). */
    private ForkReport failed(String why) {
        ForkReport.Work work = measured.work();
        return ForkReport.failed(
                new ForkReport.Work(work.operations(), work.allocatedBytes(), 0, 0),
                why,
                measured.score(),
                measured.bytesPerOp());
    }
}
