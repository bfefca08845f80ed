package io.github.jmhpprof.recording.jfr;

import io.github.jmhpprof.alloc.AllocationSamples;
import io.github.jmhpprof.cpu.CpuSamples;
import io.github.jmhpprof.heap.LiveObjectSamples;
import io.github.jmhpprof.heap.ObjectSizeEstimate;
import io.github.jmhpprof.model.ClassNames;
import io.github.jmhpprof.model.Stack;
import io.github.jmhpprof.recording.MeasurementWindows;
import io.github.jmhpprof.recording.RecordingPlan;
import io.github.jmhpprof.recording.Samples;
import io.github.jmhpprof.threads.ThreadSelector;
import java.io.IOException;
import java.nio.file.Path;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Streams JFR events, one at a time, into engine-neutral {@link Samples}: only events of benchmark
 * threads inside the measurement windows count. Memory grows with distinct stacks, not with the
 * length of the run.
 */
public final class JfrEventReader {

    private final EventSource source;
    private final EventFilter filter;
    private final CpuSamples cpu;
    private final AllocationSamples alloc;
    private final WaitEvents waits;
    private final LiveObjectSamples heap;
    private final AsyncProfilerSettings asyncSettings = new AsyncProfilerSettings();
    private ObjectSizeEstimate sizes;

    public JfrEventReader(EventSource source, MeasurementWindows windows, ThreadSelector selector, Samples samples) {
        this.source = source;
        this.filter = new EventFilter(windows, selector);
        this.cpu = samples.cpu();
        this.alloc = samples.alloc();
        this.waits = new WaitEvents(samples.block(), samples.mutex());
        this.heap = samples.heap();
    }

    /** Reads a file JFR recorded with {@code plan} into new samples of what the plan asks for. */
    public static Samples read(Path file, RecordingPlan plan, MeasurementWindows windows, ThreadSelector selector)
            throws IOException {
        Samples samples = Samples.forPlan(plan);
        new JfrEventReader(EventSource.jfr(plan), windows, selector, samples).read(file);
        return samples;
    }

    public void read(Path file) throws IOException {
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                accept(recording.readEvent());
            }
        }
    }

    /** One event, from a file or a live stream ({@code jdk.jfr.consumer.RecordingStream}). */
    public void accept(RecordedEvent event) {
        switch (event.getEventType().getName()) {
            case JfrEvents.EXECUTION_SAMPLE -> cpuSample(event, event.getThread("sampledThread"));
            case JfrEvents.CPU_TIME_SAMPLE -> cpuSample(event, event.getThread("eventThread"));
            case JfrEvents.CPU_TIME_SAMPLES_LOST -> lostCpuSamples(event);
            case JfrEvents.ALLOCATION_SAMPLE -> {
                if (!source.isAsyncProfiler()) {
                    allocationSample(event);
                }
            }
            case JfrEvents.ALLOCATION_IN_NEW_TLAB, JfrEvents.ALLOCATION_OUTSIDE_TLAB -> {
                if (source.isAsyncProfiler()) {
                    sizedAllocationSample(event);
                } else {
                    objectSize(event);
                }
            }
            case JfrEvents.ACTIVE_SETTING -> {
                if (source.isAsyncProfiler()) {
                    asyncSettings.accept(event.getString("name"), event.getString("value"));
                }
            }
            case JfrEvents.THREAD_PARK -> waited(event, event.getClass("parkedClass"), WaitEvents.Wait.PARK);
            case JfrEvents.MONITOR_ENTER ->
                waited(event, event.getClass("monitorClass"), WaitEvents.Wait.MONITOR_ENTER);
            case JfrEvents.MONITOR_WAIT -> waited(event, event.getClass("monitorClass"), WaitEvents.Wait.MONITOR_WAIT);
            case JfrEvents.OLD_OBJECT_SAMPLE -> liveObject(event);
            default -> {}
        }
    }

    /** async-profiler's CPU engine as it recorded it (perf_events, ctimer or itimer), or null when not read. */
    public String asyncProfilerCpuEngine() {
        return asyncSettings.cpuEngine();
    }

    private void cpuSample(RecordedEvent event, RecordedThread thread) {
        if (cpu != null && event.getEventType().getName().equals(source.cpuEvent()) && filter.counts(event, thread)) {
            cpu.add(stack(event), thread.getJavaName());
        }
    }

    private void lostCpuSamples(RecordedEvent event) {
        RecordedThread thread = event.getThread("eventThread");
        if (cpu != null && source.cpuEvent().equals(JfrEvents.CPU_TIME_SAMPLE) && filter.counts(event, thread)) {
            cpu.addLost(thread.getJavaName(), event.getInt("lostSamples"));
        }
    }

    private void allocationSample(RecordedEvent event) {
        RecordedThread thread = event.getThread();
        if (alloc != null && filter.counts(event, thread)) {
            alloc.add(
                    thread.getJavaThreadId(),
                    thread.getJavaName(),
                    stack(event),
                    className(event.getClass("objectClass")),
                    event.getLong("weight"));
        }
    }

    /**
     * One of async-profiler's allocation samples. The JVM's heap sampler (JVMTI
     * SampledObjectAlloc) puts sample points a random, exponentially distributed number of bytes
     * apart, with mean {@code allocInterval}, and reports the object a point falls in: an object of
     * s bytes is sampled with chance 1 - exp(-s / interval). So the sample stands for
     * 1 / that chance objects, and s / that chance bytes (Horvitz-Thompson; async-profiler's own
     * weight, max(s, interval), undercounts objects near or above the interval).
     */
    private void sizedAllocationSample(RecordedEvent event) {
        RecordedThread thread = event.getThread();
        long size = event.getLong("allocationSize");
        if (alloc == null || size <= 0 || !filter.counts(event, thread)) {
            return;
        }
        double chance = -Math.expm1(-(double) size / source.allocInterval());
        alloc.addSized(
                thread.getJavaThreadId(),
                thread.getJavaName(),
                stack(event),
                className(event.getClass("objectClass")),
                Math.round(size / chance),
                size);
    }

    private void objectSize(RecordedEvent event) {
        if (alloc != null && filter.counts(event, event.getThread())) {
            alloc.addObjectSize(className(event.getClass("objectClass")), event.getLong("allocationSize"));
        }
    }

    private void waited(RecordedEvent event, RecordedClass on, WaitEvents.Wait kind) {
        RecordedThread thread = event.getThread();
        if (waits.wanted() && filter.countsSpan(event, thread)) {
            waits.add(event, thread, stack(event), on, kind);
        }
    }

    /**
     * A sampled object still alive when the recording stopped (after the GC that ends the
     * measurement). It counts when a benchmark thread allocated it, in warmup or measurement: what
     * a benchmark keeps usually builds up from its first calls, as a cache does, and is no less
     * live for that (Go's inuse counts from the program's start).
     */
    private void liveObject(RecordedEvent event) {
        RecordedThread thread = event.getThread();
        if (heap == null || !filter.isBenchmarkThread(thread)) {
            return;
        }
        RecordedObject object = event.getValue("object");
        RecordedClass type = object == null ? null : object.getValue("type");
        if (type == null) {
            return;
        }
        boolean estimated = !event.hasField("objectSize");
        long bytes =
                estimated ? sizes().bytes(type.getName(), event.getInt("arrayElements")) : event.getLong("objectSize");
        heap.add(stack(event), thread.getJavaName(), className(type), bytes, estimated);
    }

    private ObjectSizeEstimate sizes() {
        if (sizes == null) {
            sizes = ObjectSizeEstimate.forThisJvm();
        }
        return sizes;
    }

    private Stack stack(RecordedEvent event) {
        return StackConverter.convert(event.getStackTrace(), source.isAsyncProfiler(), asyncSettings.stackDepth());
    }

    /** {@code byte[]} rather than {@code [B}: the name a Java programmer reads. */
    static String className(RecordedClass type) {
        return type == null ? "[unknown class]" : ClassNames.readable(type.getName());
    }
}
