package io.github.jmhpprof.jmh;

import io.github.jmhpprof.alloc.AllocationCalibrator;
import io.github.jmhpprof.alloc.AllocationSamples;
import io.github.jmhpprof.cpu.CpuSamples;
import io.github.jmhpprof.jfr.JfrFileReader;
import io.github.jmhpprof.jfr.JfrRecording;
import io.github.jmhpprof.jfr.MeasurementWindows;
import io.github.jmhpprof.jfr.RecordingPlan;
import io.github.jmhpprof.model.Labels;
import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.pprof.ProfileFileWriter;
import io.github.jmhpprof.threads.ThreadActivity;
import io.github.jmhpprof.threads.ThreadSelector;
import io.github.jmhpprof.threads.ThreadSnapshot;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;
import org.openjdk.jmh.results.TextResult;
import org.openjdk.jmh.runner.IterationType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * One benchmark in one forked JVM: starts JFR at the first iteration (warmup included, so JFR's
 * start-up stays out of the measured score), takes exact per-thread counters at the edges of each
 * measurement iteration, and after the last one turns the recording into pprof files.
 */
final class BenchmarkSession {

    static final String ALLOC_NORM = "pprof.alloc.norm";
    static final String CPU_COVERAGE = "pprof.cpu.coverage";

    private final ProfilerOptions options;
    private final BenchmarkParams benchmark;
    private final ThreadSelector selector = new ThreadSelector(Thread.currentThread().getId());
    private final MeasurementWindows windows = new MeasurementWindows();
    private final ThreadActivity activity = new ThreadActivity();
    private JfrRecording recording;
    private boolean cpuTime;
    private String startFailure;
    private ThreadSnapshot before;
    private int measurementIterations;
    private long operations;

    BenchmarkSession(ProfilerOptions options, BenchmarkParams benchmark) {
        this.options = options;
        this.benchmark = benchmark;
    }

    String benchmarkId() {
        return benchmark.id();
    }

    void beforeIteration(IterationParams iteration) {
        if (recording == null && startFailure == null) {
            startRecording();
        }
        if (iteration.getType() == IterationType.MEASUREMENT) {
            before = ThreadSnapshot.take(selector);
            windows.open(Instant.now());
        }
    }

    List<Result> afterIteration(IterationParams iteration, IterationResult result) {
        if (iteration.getType() != IterationType.MEASUREMENT) {
            return List.of();
        }
        Instant end = Instant.now();
        ThreadSnapshot after = ThreadSnapshot.take(selector);
        windows.close(end);
        long bytes = activity.addIteration(before, after);
        long ops = result.getMetadata().getAllOps();
        operations += ops;
        measurementIterations++;
        List<Result> results = new ArrayList<>();
        if (options.events().contains(EventKind.ALLOC)) {
            results.add(new ScalarResult(ALLOC_NORM, ops == 0 ? Double.NaN : (double) bytes / ops, "B/op", AggregationPolicy.AVG));
        }
        if (measurementIterations == iteration.getCount()) {
            results.addAll(finish());
        }
        return results;
    }

    private void startRecording() {
        try {
            ThreadSnapshot.checkSupported();
            cpuTime = switch (options.cpuSampler()) {
                case EXECUTION -> false;
                case CPUTIME -> true;
                case AUTO -> JfrRecording.hasCpuTimeSampler();
            };
            if (cpuTime && !JfrRecording.hasCpuTimeSampler()) {
                throw new IllegalStateException("cpu=cputime needs jdk.CPUTimeSample (JDK 25+ on Linux); this JVM is "
                        + System.getProperty("java.version") + "; use cpu=execution or cpu=auto");
            }
            recording = JfrRecording.start(new RecordingPlan(
                    options.events().contains(EventKind.CPU), cpuTime, options.interval(),
                    options.events().contains(EventKind.ALLOC), options.allocSamplesPerSecond()));
        } catch (IllegalStateException | SecurityException e) {
            startFailure = e.getMessage();
        }
    }

    private List<Result> finish() {
        if (startFailure != null) {
            return List.of(new TextResult("pprof: no profiles for " + benchmark.id() + ": " + startFailure + "\n", "pprof"));
        }
        Path jfr = null;
        try {
            jfr = recording.stopAndDump();
            return convert(jfr);
        } catch (IOException | RuntimeException e) {
            return List.of(new TextResult("pprof: no profiles for " + benchmark.id() + ": " + e + "\n", "pprof"));
        } finally {
            recording.close();
            deleteQuietly(jfr);
        }
    }

    private List<Result> convert(Path jfr) throws IOException {
        boolean wantCpu = options.events().contains(EventKind.CPU);
        boolean wantAlloc = options.events().contains(EventKind.ALLOC);
        CpuSamples cpu = wantCpu ? new CpuSamples() : null;
        AllocationSamples alloc = wantAlloc ? new AllocationSamples() : null;
        new JfrFileReader(windows, selector, cpu, alloc).read(jfr);

        Labels labels = BenchmarkLabels.of(benchmark);
        Path folder = options.dir().toAbsolutePath().resolve(BenchmarkFolderName.of(benchmark.id()));
        Summary summary = new Summary(benchmark.id(), options.dir().resolve(folder.getFileName()));
        List<Result> results = new ArrayList<>();
        if (wantCpu) {
            ProfileData profile = cpu.toProfile(labels, options.interval());
            describe(profile, cpuSamplerComment());
            ProfileFileWriter.write(profile, folder.resolve("cpu.pb.gz"));
            long threadCpu = activity.totalCpuNanos();
            double coverage = threadCpu > 0 ? (double) profile.total(1) / threadCpu : Double.NaN;
            results.add(new ScalarResult(CPU_COVERAGE, coverage, "ratio", AggregationPolicy.MAX));
            summary.cpu(profile, cpu.sampleCount(), cpu.lostCount(), threadCpu, coverage, cpuSamplerComment());
        }
        if (wantAlloc) {
            long samplingPeriod = Math.max(1, activity.totalAllocatedBytes() / Math.max(1, alloc.sampleCount()));
            AllocationCalibrator.Result calibrated =
                    AllocationCalibrator.calibrate(alloc, activity.byThread(), labels, samplingPeriod);
            ProfileData profile = calibrated.profile();
            describe(profile, allocSamplerComment(samplingPeriod));
            ProfileFileWriter.write(profile, folder.resolve("alloc.pb.gz"));
            summary.alloc(profile, alloc.sampleCount(), calibrated.exactBytes(), calibrated.uncalibratedBytes(), operations);
        }
        results.add(new TextResult(summary.text(), "pprof"));
        return results;
    }

    private void describe(ProfileData profile, String samplerComment) {
        profile.setMainBinary(benchmark.getBenchmark());
        profile.setTime(windows.firstStart().getEpochSecond() * 1_000_000_000L + windows.firstStart().getNano(),
                windows.total().toNanos());
        profile.addComment("benchmark: " + benchmark.getBenchmark());
        profile.addComment("mode: " + benchmark.getMode().shortLabel());
        profile.addComment("params: " + BenchmarkLabels.paramsText(benchmark));
        profile.addComment("jdk: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        profile.addComment("sampler: " + samplerComment);
        profile.addComment("measurement: " + measurementIterations + " iterations, " + benchmark.getThreads() + " thread(s)");
        profile.addComment("operations: " + operations);
    }

    private String cpuSamplerComment() {
        return cpuTime
                ? "jdk.CPUTimeSample every " + options.interval().toMillis() + "ms of thread CPU time"
                : "jdk.ExecutionSample every " + options.interval().toMillis()
                + "ms (fallback: sees only threads running Java code; jdk.CPUTimeSample needs JDK 25+)";
    }

    private String allocSamplerComment(long period) {
        return "jdk.ObjectAllocationSample at most " + options.allocSamplesPerSecond() + "/s, about " + period
                + " bytes per sample; alloc_space scaled per thread to exact ThreadMXBean bytes; alloc_objects estimated "
                + "from object sizes at TLAB refills";
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temp file is harmless; the profiles are already written
        }
    }
}
