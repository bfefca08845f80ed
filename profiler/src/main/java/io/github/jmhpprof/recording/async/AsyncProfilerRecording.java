package io.github.jmhpprof.recording.async;

import io.github.jmhpprof.model.ProfileKind;
import io.github.jmhpprof.recording.MeasurementWindows;
import io.github.jmhpprof.recording.Recorder;
import io.github.jmhpprof.recording.RecordingPlan;
import io.github.jmhpprof.recording.SamplerText;
import io.github.jmhpprof.recording.Samples;
import io.github.jmhpprof.recording.jfr.EventSource;
import io.github.jmhpprof.recording.jfr.JfrEventReader;
import io.github.jmhpprof.recording.jfr.JfrRecording;
import io.github.jmhpprof.threads.ThreadSelector;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import one.profiler.AsyncProfiler;

/**
 * async-profiler as the sampling engine of the CPU and allocation profiles. It writes its output
 * in JFR format, which {@link JfrEventReader} reads into the same collectors as
 * JFR's. The block, mutex and heap profiles, when asked for, still come from a JFR recording run
 * alongside: async-profiler has no old-object sampler, and its lock events lack the park and wait
 * events the block profile is made of.
 *
 * <p>async-profiler starts later than JFR: once the benchmark's allocation rate is known, so
 * that the allocation sampling interval fits it (see {@code AllocationInterval}).
 *
 * <p>Only this class refers to async-profiler's API, so the class is loaded only when the engine
 * is; call {@link AsyncProfilerLibrary#unavailableReason()} first.
 */
public final class AsyncProfilerRecording implements Recorder {

    /**
     * Mean bytes between allocation samples when nothing better is known (no warmup to measure the
     * allocation rate in): async-profiler's default, and Go's MemProfileRate.
     */
    public static final long DEFAULT_ALLOC_INTERVAL = 512 * 1024;
    /** The profiles async-profiler samples; JFR, run alongside, records the others. */
    private static final Set<ProfileKind> SAMPLED = EnumSet.of(ProfileKind.CPU, ProfileKind.ALLOC);

    private static final Set<ProfileKind> BY_JFR = EnumSet.of(ProfileKind.BLOCK, ProfileKind.MUTEX, ProfileKind.HEAP);

    private final AsyncProfiler profiler;
    private final RecordingPlan plan;
    private final int stackDepth;
    /** The file async-profiler writes now. */
    private Path file;
    /** Files of the measurement that sampling went on from at another interval, oldest first. */
    private final List<Segment> earlier = new ArrayList<>();

    private final JfrRecording waits;
    private boolean running;
    private long allocInterval;
    private String cpuEngine;

    private AsyncProfilerRecording(
            AsyncProfiler profiler, RecordingPlan plan, int stackDepth, Path file, JfrRecording waits) {
        this.profiler = profiler;
        this.plan = plan;
        this.stackDepth = stackDepth;
        this.file = file;
        this.waits = waits;
    }

    /**
     * Starts JFR for the plan's block, mutex and heap profiles now; async-profiler, for the CPU and
     * allocation profiles, starts with {@link #startSampling(long)} once its interval is known.
     *
     * @throws IllegalStateException when async-profiler does not load
     */
    public static AsyncProfilerRecording start(RecordingPlan plan, int stackDepth) throws IOException {
        AsyncProfilerLibrary.unavailableReason().ifPresent(reason -> {
            throw new IllegalStateException(reason);
        });
        AsyncProfiler profiler = AsyncProfiler.getInstance();
        Path file = Files.createTempFile("jmh-pprof-async-", ".jfr");
        JfrRecording waits = null;
        try {
            RecordingPlan byJfr = plan.only(BY_JFR);
            if (!byJfr.profiles().isEmpty()) {
                waits = JfrRecording.start(byJfr);
            }
            return new AsyncProfilerRecording(profiler, plan, stackDepth, file, waits);
        } catch (RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** Whether {@link #startSampling(long)} has anything to start. */
    public boolean samples() {
        return !plan.only(SAMPLED).profiles().isEmpty();
    }

    /**
     * Starts async-profiler's CPU and allocation sampling, or restarts it with a new interval: the
     * restart begins a new file, so it belongs between warmup iterations, whose samples are not used.
     *
     * @param allocInterval mean bytes between allocation samples
     * @throws IllegalStateException when async-profiler refuses to start
     */
    public void startSampling(long allocInterval) {
        if (!samples()) {
            return;
        }
        if (running) {
            try {
                stopProfiler();
            } catch (IOException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }
        this.allocInterval = allocInterval;
        try {
            profiler.execute(command(plan, stackDepth, file, allocInterval));
        } catch (IllegalArgumentException | IOException e) {
            throw new IllegalStateException("async-profiler refused to start: " + e.getMessage(), e);
        }
        running = true;
    }

    /**
     * Goes on sampling at a new allocation interval, in a new file: what the current file holds
     * keeps the interval it was sampled at. For the measurement, between its iterations.
     *
     * @throws IllegalStateException when async-profiler refuses to stop or to start again
     */
    public void continueSampling(long newAllocInterval) {
        if (!running) {
            startSampling(newAllocInterval);
            return;
        }
        Path next;
        try {
            stopProfiler();
            earlier.add(new Segment(file, allocInterval));
            next = Files.createTempFile("jmh-pprof-async-", ".jfr");
        } catch (IOException e) {
            throw new IllegalStateException(
                    "async-profiler could not go on at a new allocation interval: " + e.getMessage(), e);
        }
        file = next;
        startSampling(newAllocInterval);
    }

    /** A finished file and the allocation interval it was sampled at. */
    private record Segment(Path file, long allocInterval) {}

    /**
     * The start command. {@code event=ctimer} samples by thread CPU time with a per-thread CPU timer
     * ({@code interval} in nanoseconds of CPU time), not perf_events ({@code event=cpu}): a
     * perf_events counter per thread is switched at every context switch, which made a park/unpark
     * handoff 18 % slower here and the timer nothing, and the timer placed CPU time closer to the
     * truth (docs/engines.md).
     */
    static String command(RecordingPlan plan, int stackDepth, Path file, long allocInterval) {
        StringBuilder command = new StringBuilder("start");
        if (plan.has(ProfileKind.CPU)) {
            command.append(",event=ctimer,interval=").append(plan.cpuInterval().toNanos());
        }
        if (plan.has(ProfileKind.ALLOC)) {
            command.append(",alloc=").append(allocInterval);
        }
        command.append(",jstackdepth=").append(stackDepth);
        // The path cannot hold a comma: async-profiler splits its arguments there.
        if (file.toString().indexOf(',') >= 0) {
            throw new IllegalStateException("async-profiler cannot write to a path with a comma: " + file
                    + "; set java.io.tmpdir to a directory without one");
        }
        command.append(",file=").append(file).append(",jfr");
        return command.toString();
    }

    @Override
    public String cpuSampler(Duration period) {
        return SamplerText.asyncCpu(cpuEngine, period);
    }

    /** ctimer, or itimer where it falls back; perf_events (not asked for here) samples on its own clock. */
    @Override
    public boolean cpuTimerPerTick() {
        return !"perf_events".equals(cpuEngine);
    }

    @Override
    public void stopAndRead(MeasurementWindows windows, ThreadSelector selector, Samples samples) throws IOException {
        if (running) {
            stopProfiler();
            earlier.add(new Segment(file, allocInterval));
        }
        for (Segment segment : earlier) {
            JfrEventReader reader = new JfrEventReader(
                    EventSource.asyncProfiler(segment.allocInterval()), windows, selector, samples.only(SAMPLED));
            reader.read(segment.file());
            if (reader.asyncProfilerCpuEngine() != null) {
                cpuEngine = reader.asyncProfilerCpuEngine();
            }
        }
        if (waits != null) {
            waits.stopAndRead(windows, selector, samples.only(BY_JFR));
        }
    }

    private void stopProfiler() throws IOException {
        running = false;
        try {
            profiler.execute("stop");
        } catch (IllegalStateException e) {
            throw new IOException("async-profiler did not stop: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            if (running) {
                stopProfiler();
            }
        } catch (IOException ignored) {
            // it was not running any more; nothing else to free
        } finally {
            if (waits != null) {
                waits.close();
            }
            deleteQuietly(file);
            earlier.forEach(segment -> deleteQuietly(segment.file()));
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // a leftover temp recording is harmless
        }
    }
}
