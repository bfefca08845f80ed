package io.github.jmhpprof.jmh;

import io.github.jmhpprof.async.AsyncProfilerLibrary;
import io.github.jmhpprof.async.AsyncProfilerRecording;
import io.github.jmhpprof.alloc.AllocationSamples;
import io.github.jmhpprof.contention.ContentionSamples;
import io.github.jmhpprof.cpu.CpuSamples;
import io.github.jmhpprof.engine.RecordedSamples;
import io.github.jmhpprof.files.WriteErrors;
import io.github.jmhpprof.heap.ClassHistogram;
import io.github.jmhpprof.heap.HeapGrowth;
import io.github.jmhpprof.heap.LiveHeapProfile;
import io.github.jmhpprof.heap.LiveObjectSamples;
import io.github.jmhpprof.jfr.JfrRecording;
import io.github.jmhpprof.jfr.MeasurementWindows;
import io.github.jmhpprof.jfr.OtherRecordings;
import io.github.jmhpprof.jfr.Recorder;
import io.github.jmhpprof.jfr.RecordingPlan;
import io.github.jmhpprof.model.Labels;
import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.pprof.ProfileFiles;
import io.github.jmhpprof.report.Quantity;
import io.github.jmhpprof.threads.ProcessCpu;
import io.github.jmhpprof.threads.ThreadActivity;
import io.github.jmhpprof.threads.ThreadSelector;
import io.github.jmhpprof.threads.ThreadSnapshot;
import io.github.jmhpprof.threads.ThreadStacks;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;
import org.openjdk.jmh.results.TextResult;
import org.openjdk.jmh.runner.IterationType;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One benchmark in the JVM that runs it: starts JFR at the first iteration (warmup included, so
 * JFR's start-up and the recompilation it causes stay out of the measured score), takes exact
 * per-thread counters at the edges of each measurement iteration, and after the last one turns
 * the recording into this fork's pprof files and {@link ForkReport}. The host then assembles the
 * forks ({@link TrialAssembler}); with {@code -f 0} this JVM is the host and does it itself.
 */
final class BenchmarkSession {

    static final String ALLOC_NORM = "pprof.alloc.norm";

    private final ProfilerOptions options;
    private final BenchmarkParams benchmark;
    private final ForkRole role;
    private final OutputLayout layout;
    private final ThreadSelector selector = new ThreadSelector(Thread.currentThread().getId());
    private final MeasurementWindows windows = new MeasurementWindows();
    private final ThreadActivity activity = new ThreadActivity();
    private Recorder recording;
    /** async-profiler records the CPU and allocation profiles ({@code engine=async}, or {@code auto} where it loads). */
    private boolean asyncProfiler;
    /** When async-profiler starts sampling, and at which allocation interval. */
    private AsyncSamplingStart asyncStart;
    /** Why engine=auto fell back to JFR after async-profiler loaded, or null. */
    private String asyncFallback;
    private RecordingPlan plan;
    private boolean cpuTime;
    private String startFailure;
    private ThreadSnapshot before;
    private ThreadSnapshot warmupBefore;
    /** Made once, in warmup: a method reference made at the last iteration would spin its class inside other profilers' windows. */
    private final java.util.function.Supplier<String> finishLater = this::finishDeferred;
    /** Stops watching other JFR recordings; null when not watching. */
    private AutoCloseable otherRecordings;
    private long processCpuBefore;
    private long processCpuNanos;
    private int measurementIterations;
    private long operations;
    private int failedIteration;
    /** The CPU sampling period that applied: ours, or a shorter one another JFR recording asked for. */
    private volatile Duration cpuPeriod;
    private ForkReport.Score score = new ForkReport.Score(0, 0, "");
    /** The exact B/op of each iteration, summed: the same figure as pprof.alloc.norm once averaged. */
    private ForkReport.Score bytesPerOp = new ForkReport.Score(0, 0, "B/op");
    private final IterationScores iterationScores = new IterationScores();
    /** Live objects per class from before the first iteration (heap profile), and their growth after the last. */
    private HeapGrowth heapSinceStart;
    private ClassHistogram heapGrowth;

    BenchmarkSession(ProfilerOptions options, BenchmarkParams benchmark, ForkRole role) {
        this.options = options;
        this.cpuPeriod = options.interval();
        this.benchmark = benchmark;
        this.role = role;
        this.layout = new OutputLayout(options.dir());
    }

    String benchmarkId() {
        return benchmark.id();
    }

    boolean isFor(BenchmarkParams params) {
        return params == benchmark || params.id().equals(benchmark.id());
    }

    void beforeIteration(IterationParams iteration) {
        if (role.kind() == ForkRole.Kind.WARMUP) {
            return;
        }
        if (recording == null && startFailure == null) {
            start();
        }
        if (asyncStart != null && startFailure == null) {
            startSampling(() -> asyncStart.beforeIteration(iteration));
        }
        // Taken in warmup iterations too, and thrown away: the first measured edge then loads no
        // class and allocates little (another profiler's window, e.g. -prof gc's, may include it).
        ThreadSnapshot snapshot = ThreadSnapshot.take(selector);
        long processCpu = ProcessCpu.nanos();
        Instant now = Instant.now();
        if (iteration.getType() == IterationType.MEASUREMENT) {
            before = snapshot;
            processCpuBefore = processCpu;
            windows.open(now);
        } else {
            warmupBefore = snapshot;
        }
    }

    /**
     * From the start of the recording: JFR gives every recording the shortest period any running
     * one asked for, so our CPU samples may weigh less than we asked.
     */
    private void watchOtherRecordings() {
        if (recording instanceof JfrRecording jfr && options.events().contains(EventKind.CPU)) {
            otherRecordings = OtherRecordings.watch(jfr, cpuTime, options.interval(), this::noteShorterPeriod);
        }
    }

    private synchronized void noteShorterPeriod(Duration period) {
        if (period.compareTo(cpuPeriod) < 0) {
            cpuPeriod = period;
        }
    }

    List<Result> afterIteration(IterationParams iteration, IterationResult result) {
        if (role.kind() == ForkRole.Kind.WARMUP) {
            return List.of();
        }
        if (iteration.getType() != IterationType.MEASUREMENT) {
            warmUpMeasuredEdge(result);
            if (asyncStart != null && startFailure == null) {
                startSampling(asyncStart::afterWarmupIteration);
            }
            return List.of();
        }
        Instant end = Instant.now();
        processCpuNanos += ProcessCpu.nanos() - processCpuBefore;
        ThreadSnapshot after = ThreadSnapshot.take(selector);
        windows.close(end);
        long bytes = activity.addIteration(before, after);
        long ops = result.getMetadata().getAllOps();
        operations += ops;
        measurementIterations++;
        // JMH calls this even when the benchmark threw; it then has no primary result and ends the
        // benchmark after this iteration, so this is the last chance to write what was recorded.
        boolean failed = result.getRawPrimaryResults().isEmpty();
        if (failed) {
            failedIteration = measurementIterations;
        } else {
            score = score.add(result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreUnit());
            iterationScores.add(result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreUnit());
        }
        double iterationBytesPerOp = ops == 0 ? Double.NaN : (double) bytes / ops;
        if (ops != 0) {
            bytesPerOp = bytesPerOp.add(iterationBytesPerOp, "B/op");
        }
        boolean last = failed || measurementIterations == iteration.getCount();
        // A fork sends its results to the host after every profiler's afterIteration: the files
        // are written then, out of the other profilers' windows. An embedded run (-f 0), a failed
        // iteration and a run without the B/op result that carries the work write them now.
        boolean deferred = last && !failed && role.kind() != ForkRole.Kind.EMBEDDED && wants(EventKind.ALLOC);
        List<Result> results = new ArrayList<>();
        if (wants(EventKind.ALLOC)) {
            // Every iteration reports it: JMH averages a label missing from an iteration as 0.
            results.add(deferred
                    ? new AfterAllProfilersResult(ALLOC_NORM, iterationBytesPerOp, "B/op", finishLater)
                    : new ScalarResult(ALLOC_NORM, iterationBytesPerOp, "B/op", AggregationPolicy.AVG));
        }
        if (last && !deferred) {
            results.addAll(finish());
        }
        return results;
    }

    /**
     * What a measured iteration's end runs, run on throwaway objects in each warmup iteration: the
     * first measured edge then loads no class (a class load allocates tens of KiB).
     */
    private void warmUpMeasuredEdge(IterationResult result) {
        Instant end = Instant.now();
        ProcessCpu.nanos();
        if (warmupBefore != null) {
            MeasurementWindows throwaway = new MeasurementWindows();
            throwaway.open(end);
            throwaway.close(end);
            new ThreadActivity().addIteration(warmupBefore, ThreadSnapshot.take(selector));
        }
        if (!result.getRawPrimaryResults().isEmpty()) {
            new ForkReport.Score(0, 0, "").add(result.getPrimaryResult().getScore(), result.getPrimaryResult().getScoreUnit());
        }
        new AfterAllProfilersResult(ALLOC_NORM, 0, "B/op", null).runWork();
        new ScalarResult(ALLOC_NORM, 0, "B/op", AggregationPolicy.AVG);
    }

    private void start() {
        try {
            if (role.kind() == ForkRole.Kind.EMBEDDED) {
                RunRegistry.begin(layout);
                PreviousRun.setAside(layout.benchmarkDir(benchmark.id()));
            }
            ThreadSnapshot.checkSupported();
            if (wants(EventKind.HEAP)) {
                heapSinceStart = HeapGrowth.startNow();
            }
            asyncProfiler = switch (options.engine()) {
                case JFR -> false;
                case ASYNC -> true;
                case AUTO -> AsyncProfilerLibrary.unavailableReason().isEmpty();
            };
            if (asyncProfiler) {
                cpuTime = true;
                plan = plan();
                AsyncProfilerRecording async = AsyncProfilerRecording.start(plan, options.stackDepth());
                recording = async;
                asyncStart = new AsyncSamplingStart(async, benchmark, selector, plan.alloc());
                return;
            }
            startJfr();
        } catch (IllegalStateException | SecurityException e) {
            startFailure = e.getMessage();
        } catch (IOException e) {
            startFailure = WriteErrors.describe(e);
        }
    }

    private void startJfr() {
        cpuTime = switch (options.cpuSampler()) {
            case EXECUTION -> false;
            case CPUTIME -> true;
            case AUTO -> JfrRecording.hasCpuTimeSampler();
        };
        if (cpuTime && !JfrRecording.hasCpuTimeSampler()) {
            throw new IllegalStateException("cpu=cputime needs jdk.CPUTimeSample (JDK 25+ on Linux), and this JVM is "
                    + System.getProperty("java.version") + "; use cpu=execution or cpu=auto");
        }
        plan = plan();
        recording = JfrRecording.start(plan);
        watchOtherRecordings();
    }

    /**
     * Runs one of {@link AsyncSamplingStart}'s steps. If async-profiler refuses to start (e.g.
     * JMH's {@code -prof async} runs one already), {@code engine=auto} falls back to JFR, still
     * in the warmup; {@code engine=async} ends the recording with the reason.
     */
    private void startSampling(Runnable step) {
        try {
            step.run();
        } catch (IllegalStateException e) {
            recording.close();
            if (options.engine() != Engine.AUTO) {
                startFailure = e.getMessage();
                return;
            }
            asyncProfiler = false;
            asyncStart = null;
            asyncFallback = "async-profiler did not start (" + e.getMessage() + "), so JFR recorded the CPU and "
                    + "allocation profiles";
            try {
                startJfr();
            } catch (IllegalStateException | SecurityException jfr) {
                startFailure = e.getMessage() + "; JFR did not start either: " + jfr.getMessage();
            }
        }
    }

    private RecordingPlan plan() {
        return new RecordingPlan(
                wants(EventKind.CPU), cpuTime, options.interval(),
                wants(EventKind.ALLOC), options.allocSamplesPerSecond(),
                wants(EventKind.BLOCK), options.blockThreshold(),
                wants(EventKind.MUTEX), options.mutexThreshold(),
                wants(EventKind.HEAP));
    }

    private boolean wants(EventKind kind) {
        return options.events().contains(kind);
    }

    private List<Result> finish() {
        return finish(false);
    }

    /** {@link #finish()} run by {@link AfterAllProfilersResult}: returns what the host should be told, or empty. */
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
        stopWatchingOtherRecordings();
        Path forkDir = layout.forkDir(benchmark.id(), role.fork());
        long started = System.nanoTime();
        // The end of the measurement, before the profiler's own work changes what is alive.
        ThreadStacks threads = wants(EventKind.THREADS) ? ThreadStacks.takeAll() : null;
        long threadsTakenAt = System.currentTimeMillis();
        long liveHeap = 0;
        if (heapSinceStart != null) {
            // As go test -memprofile: a full GC first, so only what the benchmark still holds counts.
            heapGrowth = heapSinceStart.afterFullGc();
            liveHeap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        }
        ForkReport report;
        if (startFailure != null) {
            report = ForkReport.failed(operations, activity.totalAllocatedBytes(), startFailure, score, bytesPerOp);
        } else {
            try {
                report = convert(forkDir, started, threads, threadsTakenAt, liveHeap);
            } catch (IOException e) {
                report = ForkReport.failed(operations, activity.totalAllocatedBytes(),
                        "cannot write " + WriteErrors.describe(e), score, bytesPerOp);
            } catch (RuntimeException e) {
                report = ForkReport.failed(operations, activity.totalAllocatedBytes(),
                        "converting the recording failed: " + e, score, bytesPerOp);
            } finally {
                recording.close();
            }
        }
        try {
            iterationScores.write(forkDir); // before the report, whose presence marks the fork complete
            report.write(forkDir.resolve(OutputLayout.FORK_REPORT));
        } catch (IOException e) {
            // The host finds this text in the fork's results and repeats it in the summary and report.
            String why = "pprof: " + (report.hasFailed() ? report.failure()
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

    private void stopWatchingOtherRecordings() {
        if (otherRecordings != null) {
            try {
                otherRecordings.close();
            } catch (Exception ignored) {
                // removing a listener does not fail
            }
        }
    }

    private ForkReport convert(Path forkDir, long started, ThreadStacks threads, long threadsTakenAt,
                               long liveHeap) throws IOException {
        boolean wantCpu = wants(EventKind.CPU);
        boolean wantAlloc = wants(EventKind.ALLOC);
        RecordedSamples samples = RecordedSamples.read(recording, plan, windows, selector);
        CpuSamples cpu = samples.cpu();
        AllocationSamples alloc = samples.alloc();
        ContentionSamples block = samples.block();
        ContentionSamples mutex = samples.mutex();
        LiveObjectSamples heap = samples.heap();

        Labels labels = BenchmarkLabels.of(benchmark);
        GroupRoles roles = GroupRoles.of(benchmark);
        long written = 0;
        long cpuNanos = 0;
        String allocNote = "";
        if (wantCpu) {
            // Coverage compares the benchmark threads' samples with their CPU time, so it leaves the JVM's part out.
            cpuNanos = (cpu.sampleCount() + cpu.lostCount()) * cpuPeriod.toNanos();
            if (options.jvmCpu()) {
                cpu.addJvmTime(processCpuNanos - activity.totalCpuNanos(), cpuPeriod);
            }
            ProfileData profile = cpu.toProfile(labels, cpuPeriod);
            describe(profile, cpuSamplerText());
            written += write(roles.label(profile), OutputLayout.profile(forkDir, EventKind.CPU));
        }
        if (wantAlloc) {
            RecordedSamples.Allocations calibrated = samples.allocations(activity, labels);
            describe(calibrated.profile(), allocSamplerText(calibrated));
            written += write(roles.label(calibrated.profile()), OutputLayout.profile(forkDir, EventKind.ALLOC));
            if (!calibrated.calibrated().perThread()) {
                allocNote = "allocation samples scaled as a whole to the exact total: some sampled threads (virtual "
                        + "threads, or threads that ended mid-iteration) have no exact count of their own";
            }
        }
        if (block != null) {
            ProfileData profile = block.toProfile(labels);
            describe(profile, contentionSamplerText(block, RecordedSamples.BLOCK_EVENTS));
            written += write(roles.label(profile), OutputLayout.profile(forkDir, EventKind.BLOCK));
        }
        if (mutex != null) {
            ProfileData profile = mutex.toProfile(labels);
            describe(profile, contentionSamplerText(mutex, RecordedSamples.MUTEX_EVENTS));
            written += write(roles.label(profile), OutputLayout.profile(forkDir, EventKind.MUTEX));
        }
        if (heap != null) {
            LiveHeapProfile live = LiveHeapProfile.of(heap, heapGrowth, labels);
            ProfileData profile = live.profile();
            describe(profile, live.samplerText("jdk.OldObjectSample (queue of " + options.heapSamples() + "): "
                    + heap.objectCount() + " sampled objects of benchmark threads alive after a full GC at the end "
                    + "(warmup included)", "the first warmup iteration", heapSinceStart.whyNone()));
            written += write(roles.label(profile), OutputLayout.profile(forkDir, EventKind.HEAP));
        }
        if (threads != null) {
            ProfileData profile = threads.toProfile(labels);
            describe(profile, "ThreadMXBean.dumpAllThreads() of all " + threads.threadCount()
                    + " live threads of the JVM, after the last measurement iteration");
            profile.setTime(threadsTakenAt * 1_000_000L, 0);
            written += write(roles.label(profile), OutputLayout.profile(forkDir, EventKind.THREADS));
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new ForkReport(operations, activity.totalAllocatedBytes(), activity.totalCpuNanos(), processCpuNanos,
                cpuNanos, wantCpu ? cpu.sampleCount() : 0, wantCpu ? cpu.lostCount() : 0,
                wantAlloc ? alloc.sampleCount() : 0, liveHeap, millis, written, wantCpu ? cpuSamplerText() : "", "",
                score.sum(), score.iterations(), score.unit(), notes(allocNote), bytesPerOp.sum(), bytesPerOp.iterations());
    }

    private String notes(String allocNote) {
        String failure = failedIteration == 0 ? ""
                : "the benchmark failed in measurement iteration " + failedIteration + "; the profiles cover the iterations up to it";
        return join(join(join(failure, asyncFallback == null ? "" : asyncFallback), allocNote),
                EndedThreadsNote.of(activity.endedThreads(), ThreadSnapshot.countsEndedThreads()));
    }

    private static String join(String a, String b) {
        return a.isEmpty() ? b : b.isEmpty() ? a : a + "; " + b;
    }

    private long write(ProfileData profile, Path file) throws IOException {
        ProfileData shown = options.fullStacks() ? profile : HarnessFrames.of(benchmark.getBenchmark()).fold(profile);
        ViewerTitle.set(shown, ViewerTitle.of(benchmark));
        ProfileFiles.write(shown, file);
        return Files.size(file);
    }

    private void describe(ProfileData profile, String samplerText) {
        Instant first = windows.firstStart();
        profile.setTime(first.getEpochSecond() * 1_000_000_000L + first.getNano(), windows.total().toNanos());
        profile.addComment("benchmark: " + benchmark.getBenchmark());
        profile.addComment("mode: " + benchmark.getMode().shortLabel());
        profile.addComment("params: " + BenchmarkLabels.paramsText(benchmark));
        profile.addComment("jdk: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        profile.addComment("sampler: " + samplerText);
        profile.addComment("measurement: " + measurementIterations + " iterations, " + benchmark.getThreads() + " thread(s)");
        profile.addComment("operations: " + operations);
    }

    private String cpuSamplerText() {
        if (recording instanceof AsyncProfilerRecording async) {
            return async.cpuSamplerText(cpuPeriod);
        }
        String sampler = RecordedSamples.cpuSamplerText(cpuTime, cpuPeriod);
        if (!cpuPeriod.equals(options.interval())) {
            sampler += "; another JFR recording in this JVM asked for " + Quantity.format(cpuPeriod.toNanos(), "nanoseconds")
                    + " instead of " + Quantity.format(options.interval().toNanos(), "nanoseconds")
                    + ", JFR used the shorter, and so do these values";
        }
        return sampler;
    }

    private String allocSamplerText(RecordedSamples.Allocations allocations) {
        if (asyncProfiler) {
            return AllocSamplerText.async(asyncStart.interval(), allocations);
        }
        return AllocSamplerText.jfr(RecordedSamples.allocSamplerText(options.allocSamplesPerSecond(), allocations),
                options.engine());
    }

    private static String contentionSamplerText(ContentionSamples samples, String events) {
        return RecordedSamples.contentionSamplerText(samples, events, "within one measurement iteration");
    }
}
