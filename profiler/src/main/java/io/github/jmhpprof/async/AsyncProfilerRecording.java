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
 * <p>Only this class refers to async-profiler's API, so the class is loaded only when the engine
 * is; call {@link AsyncProfilerLibrary#unavailableReason()} first.
 */
public final class AsyncProfilerRecording implements Recorder {

    /**
     * Bytes between allocation samples: async-profiler's default, and Go's MemProfileRate. The
     * profile is calibrated to exact bytes, so this only sets how fine the split between stacks is.
     */
    public static final long ALLOC_INTERVAL_BYTES = 512 * 1024;

    private final AsyncProfiler profiler;
    private final Path file;
    private final JfrRecording waits;
    private boolean running;

    private AsyncProfilerRecording(AsyncProfiler profiler, Path file, JfrRecording waits) {
        this.profiler = profiler;
        this.file = file;
        this.waits = waits;
    }

    /**
     * Starts async-profiler for the plan's CPU and allocation events, and JFR for the rest.
     *
     * @throws IllegalStateException when async-profiler does not load or refuses to start
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
            AsyncProfilerRecording recording = new AsyncProfilerRecording(profiler, file, waits);
            if (plan.cpu() || plan.alloc()) {
                try {
                    profiler.execute(command(plan, stackDepth, file));
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("async-profiler refused to start: " + e.getMessage(), e);
                }
                recording.running = true;
            }
            return recording;
        } catch (IOException | RuntimeException e) {
            if (waits != null) {
                waits.close();
            }
            Files.deleteIfExists(file);
            throw e;
        }
    }

    /**
     * The start command. {@code event=cpu} samples by thread CPU time: perf_events where the kernel
     * allows it, a per-thread CPU timer otherwise; {@code interval} is in nanoseconds of CPU time.
     */
    static String command(RecordingPlan plan, int stackDepth, Path file) {
        StringBuilder command = new StringBuilder("start");
        if (plan.cpu()) {
            command.append(",event=cpu,interval=").append(plan.interval().toNanos());
        }
        if (plan.alloc()) {
            command.append(",alloc=").append(ALLOC_INTERVAL_BYTES);
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
    public static String cpuSamplerText(Duration interval) {
        return "async-profiler event=cpu (perf_events or a CPU timer) every " + interval.toNanos() / 1_000_000.0
                + "ms of thread CPU time, native and VM code included";
    }

    @Override
    public void stopAndRead(MeasurementWindows windows, ThreadSelector selector, JfrFileReader.Collectors collectors)
            throws IOException {
        if (running) {
            stopProfiler();
            JfrFileReader.forAsyncProfiler(windows, selector,
                    new JfrFileReader.Collectors(collectors.cpu(), collectors.alloc(), null, null, null)).read(file);
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
