package io.github.jmhpprof.async;

import io.github.jmhpprof.jfr.JfrFileReader;
import io.github.jmhpprof.jfr.JfrRecording;
import io.github.jmhpprof.jfr.MeasurementWindows;
import io.github.jmhpprof.jfr.Recorder;
import io.github.jmhpprof.jfr.RecordingPlan;
import io.github.jmhpprof.threads.ThreadSelector;
import one.profiler.AsyncProfiler;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * async-profiler as the sampling engine of the CPU and allocation profiles. It writes its output
 * in JFR format, which {@link JfrFileReader#forAsyncProfiler} reads into the same collectors as
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

    private final AsyncProfiler profiler;
    private final RecordingPlan plan;
    private final int stackDepth;
    private final Path file;
    private final JfrRecording waits;
    private boolean running;
    private long allocInterval;
    private String cpuEngine;

    private AsyncProfilerRecording(AsyncProfiler profiler, RecordingPlan plan, int stackDepth, Path file,
                                   JfrRecording waits) {
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
            if (plan.block() || plan.mutex() || plan.heap()) {
                waits = JfrRecording.start(new RecordingPlan(false, false, plan.interval(), false, 1,
                        plan.block(), plan.blockThreshold(), plan.mutex(), plan.mutexThreshold(), plan.heap()));
            }
            return new AsyncProfilerRecording(profiler, plan, stackDepth, file, waits);
        } catch (RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /** Whether {@link #startSampling(long)} has anything to start. */
    public boolean samples() {
        return plan.cpu() || plan.alloc();
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

    /** Mean bytes between allocation samples, once sampling started. */
    public long allocInterval() {
        return allocInterval;
    }

    /**
     * The start command. {@code event=ctimer} samples by thread CPU time with a per-thread CPU timer
     * ({@code interval} in nanoseconds of CPU time), not perf_events ({@code event=cpu}): a
     * perf_events counter per thread is switched at every context switch, which made a park/unpark
     * handoff 18 % slower here and the timer nothing, and the timer placed CPU time closer to the
     * truth (docs/engines.md).
     */
    static String command(RecordingPlan plan, int stackDepth, Path file, long allocInterval) {
        StringBuilder command = new StringBuilder("start");
        if (plan.cpu()) {
            command.append(",event=ctimer,interval=").append(plan.interval().toNanos());
        }
        if (plan.alloc()) {
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

    /** A text for the profiles' comments: what sampled the CPU profile. */
    public String cpuSamplerText(Duration interval) {
        String engine = cpuEngine == null ? "a per-thread CPU timer" : cpuEngine;
        return "async-profiler event=ctimer (" + engine + ") every " + interval.toNanos() / 1_000_000.0
                + "ms of thread CPU time, native and VM code included";
    }

    @Override
    public void stopAndRead(MeasurementWindows windows, ThreadSelector selector, JfrFileReader.Collectors collectors)
            throws IOException {
        if (running) {
            stopProfiler();
            JfrFileReader reader = JfrFileReader.forAsyncProfiler(windows, selector,
                    new JfrFileReader.Collectors(collectors.cpu(), collectors.alloc(), null, null, null), allocInterval);
            reader.read(file);
            cpuEngine = reader.asyncProfilerCpuEngine();
        }
        if (waits != null) {
            waits.stopAndRead(windows, selector,
                    new JfrFileReader.Collectors(null, null, collectors.block(), collectors.mutex(), collectors.heap()));
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
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover temp recording is harmless
            }
        }
    }
}
