package io.github.jmhpprof.jmh;

import io.github.jmhpprof.contention.ContentionSamples;
import io.github.jmhpprof.cpu.CpuSamplePeriod;
import io.github.jmhpprof.cpu.CpuSamples;
import io.github.jmhpprof.heap.ClassHistogram;
import io.github.jmhpprof.heap.LiveHeapProfile;
import io.github.jmhpprof.heap.LiveObjectSamples;
import io.github.jmhpprof.model.Labels;
import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.model.ProfileKind;
import io.github.jmhpprof.pprof.ProfileFiles;
import io.github.jmhpprof.recording.SamplerText;
import io.github.jmhpprof.recording.Samples;
import io.github.jmhpprof.threads.ThreadSnapshot;
import io.github.jmhpprof.threads.ThreadStacks;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * Turns one fork's recording into its pprof files, one per profile kind, each with the comments
 * that say what it is and how it was sampled, and returns the fork's {@link ForkReport}.
 */
final class ForkProfiles {

    /**
     * The end of the measurement, taken before the profiler's own work changes what is alive.
     *
     * @param threads        all threads' stacks, or null without a threads profile
     * @param threadsTakenAt when they were taken, in epoch milliseconds
     * @param heapGrowth     live objects per class grown since the start, after a full GC; null without a heap profile
     * @param liveHeapBytes  heap in use after that GC
     */
    record MeasurementEnd(ThreadStacks threads, long threadsTakenAt, ClassHistogram heapGrowth, long liveHeapBytes) {

        static MeasurementEnd take(ProfilerOptions options, ForkRecording recording) {
            ThreadStacks threads = options.events().contains(ProfileKind.THREADS) ? ThreadStacks.takeAll() : null;
            long threadsTakenAt = System.currentTimeMillis();
            if (recording.heapSinceStart() == null) {
                return new MeasurementEnd(threads, threadsTakenAt, null, 0);
            }
            // As go test -memprofile: a full GC first, so only what the benchmark still holds counts.
            ClassHistogram growth = recording.heapSinceStart().afterFullGc();
            return new MeasurementEnd(
                    threads,
                    threadsTakenAt,
                    growth,
                    ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
    }

    private final ProfilerOptions options;
    private final BenchmarkParams benchmark;
    private final ForkRecording recording;
    private final MeasuredIterations measured;
    private final Labels labels;
    private final GroupRoles roles;
    private long written;

    ForkProfiles(
            ProfilerOptions options, BenchmarkParams benchmark, ForkRecording recording, MeasuredIterations measured) {
        this.options = options;
        this.benchmark = benchmark;
        this.recording = recording;
        this.measured = measured;
        this.labels = BenchmarkLabels.of(benchmark);
        this.roles = GroupRoles.of(benchmark);
    }

    /** @param started {@link System#nanoTime()} at the end of the last iteration */
    ForkReport write(Path forkDir, MeasurementEnd end, long started) throws IOException {
        Samples samples = recording.stopAndRead(measured.windows());
        ForkReport.Cpu cpu = samples.cpu() == null ? ForkReport.Cpu.NONE : writeCpu(samples.cpu(), forkDir);
        String allocNote = "";
        String allocSampler = "";
        if (samples.alloc() != null) {
            Samples.Allocations calibrated = samples.allocations(measured.activity(), labels);
            allocSampler = recording.allocSampler(calibrated);
            write(calibrated.profile(), allocSampler, forkDir, ProfileKind.ALLOC);
            if (!calibrated.calibrated().perThread()) {
                allocNote = "allocation samples scaled as a whole to the exact total: some sampled threads (virtual "
                        + "threads, or threads that ended mid-iteration) have no exact count of their own";
            }
        }
        writeContention(samples.block(), SamplerText.BLOCK_EVENTS, forkDir, ProfileKind.BLOCK);
        writeContention(samples.mutex(), SamplerText.MUTEX_EVENTS, forkDir, ProfileKind.MUTEX);
        if (samples.heap() != null) {
            writeHeap(samples.heap(), end.heapGrowth(), forkDir);
        }
        if (end.threads() != null) {
            ProfileData profile = end.threads().toProfile(labels);
            describe(
                    profile,
                    SamplerText.threads(end.threads().threadCount(), ", after the last measurement iteration"));
            profile.setTime(end.threadsTakenAt() * 1_000_000L, 0);
            written += writeFile(roles.label(profile), forkDir, ProfileKind.THREADS);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        long allocSamples = samples.alloc() == null ? 0 : samples.alloc().sampleCount();
        return new ForkReport(
                measured.work(),
                cpu,
                new ForkReport.Memory(allocSamples, recording.plannedAllocSamples(), allocSampler, end.liveHeapBytes()),
                new ForkReport.Output(millis, written),
                measured.score(),
                measured.bytesPerOp(),
                new ForkReport.Outcome("", notes(allocNote)));
    }

    private ForkReport.Cpu writeCpu(CpuSamples cpu, Path forkDir) throws IOException {
        long samples = cpu.sampleCount() + cpu.lostCount();
        CpuSamplePeriod period = CpuSamplePeriod.of(
                recording.cpuPeriod(),
                recording.cpuTimerPerTick(),
                measured.activity().totalCpuNanos(),
                samples);
        // Coverage compares the benchmark threads' samples with their CPU time, so it leaves the JVM's part out.
        long cpuNanos = samples * period.perSample().toNanos();
        if (options.jvmCpu()) {
            cpu.addJvmTime(measured.processCpuNanos() - measured.activity().totalCpuNanos(), period.perSample());
        }
        String sampler = recording.cpuSampler() + period.note();
        write(cpu.toProfile(labels, period.perSample()), sampler, forkDir, ProfileKind.CPU);
        return new ForkReport.Cpu(cpuNanos, cpu.sampleCount(), cpu.lostCount(), sampler);
    }

    private void writeContention(ContentionSamples samples, String events, Path forkDir, ProfileKind kind)
            throws IOException {
        if (samples != null) {
            write(
                    samples.toProfile(labels),
                    SamplerText.contention(samples, events, "within one measurement iteration"),
                    forkDir,
                    kind);
        }
    }

    private void writeHeap(LiveObjectSamples heap, ClassHistogram growth, Path forkDir) throws IOException {
        LiveHeapProfile live = LiveHeapProfile.of(heap, growth, labels);
        String sites = SamplerText.heapSites(
                " (queue of " + options.heapSamples() + ")",
                heap.objectCount(),
                "of benchmark threads alive after a full GC at the end (warmup included)");
        write(
                live.profile(),
                live.samplerText(
                        sites,
                        "the first warmup iteration",
                        recording.heapSinceStart().whyNone()),
                forkDir,
                ProfileKind.HEAP);
    }

    private void write(ProfileData profile, String sampler, Path forkDir, ProfileKind kind) throws IOException {
        describe(profile, sampler);
        written += writeFile(roles.label(profile), forkDir, kind);
    }

    private long writeFile(ProfileData profile, Path forkDir, ProfileKind kind) throws IOException {
        Path file = OutputLayout.profile(forkDir, kind);
        ProfileData shown = options.stacks() == Stacks.FULL
                ? profile
                : HarnessFrames.of(benchmark.getBenchmark()).fold(profile);
        ViewerTitle.set(shown, ViewerTitle.of(benchmark));
        ProfileFiles.write(shown, file);
        return Files.size(file);
    }

    private void describe(ProfileData profile, String sampler) {
        Instant first = measured.windows().firstStart();
        profile.setTime(
                first.getEpochSecond() * 1_000_000_000L + first.getNano(),
                measured.windows().total().toNanos());
        profile.addComment("benchmark: " + benchmark.getBenchmark());
        profile.addComment("mode: " + benchmark.getMode().shortLabel());
        profile.addComment("params: " + BenchmarkLabels.paramsText(benchmark));
        SamplerText.comment(profile, sampler);
        profile.addComment(
                "measurement: " + measured.count() + " iterations, " + benchmark.getThreads() + " thread(s)");
        profile.addComment("operations: " + measured.operations());
    }

    private String notes(String allocNote) {
        String failure = measured.failedIteration() == 0
                ? ""
                : "the benchmark failed in measurement iteration " + measured.failedIteration()
                        + "; the profiles cover the iterations up to it";
        return Notes.join(
                failure,
                recording.fallback(),
                allocNote,
                EndedThreadsNote.of(measured.activity().endedThreads(), ThreadSnapshot.countsEndedThreads()));
    }
}
