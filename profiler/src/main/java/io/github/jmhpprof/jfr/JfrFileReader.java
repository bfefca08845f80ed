package io.github.jmhpprof.jfr;

import io.github.jmhpprof.alloc.AllocationSamples;
import io.github.jmhpprof.contention.ContentionSamples;
import io.github.jmhpprof.contention.LockClasses;
import io.github.jmhpprof.cpu.CpuSamples;
import io.github.jmhpprof.heap.LiveObjectSamples;
import io.github.jmhpprof.heap.ObjectSizeEstimate;
import io.github.jmhpprof.model.ClassNames;
import io.github.jmhpprof.model.Stack;
import io.github.jmhpprof.threads.ThreadSelector;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedObject;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Streams a JFR file, one event at a time, into engine-neutral samples: only events of benchmark
 * threads inside the measurement windows count. Memory grows with distinct stacks, not with the
 * length of the run.
 */
public final class JfrFileReader {

    /**
     * Where the events go; a null collector means that profile was not asked for.
     *
     * @param cpu   CPU samples
     * @param alloc allocation samples
     * @param block every wait: parking, monitor enter, monitor wait
     * @param mutex lock waits: monitor enter, and parking on a lock
     * @param heap  sampled objects still alive when the recording stopped
     */
    public record Collectors(CpuSamples cpu, AllocationSamples alloc, ContentionSamples block, ContentionSamples mutex,
                             LiveObjectSamples heap) {
    }

    private final MeasurementWindows windows;
    private final ThreadSelector selector;
    private final CpuSamples cpu;
    private final AllocationSamples alloc;
    private final ContentionSamples block;
    private final ContentionSamples mutex;
    private final LiveObjectSamples heap;
    private ObjectSizeEstimate sizes;
    /**
     * async-profiler writes its allocation samples as TLAB events with stacks and the sampled
     * object's size; JFR's TLAB events only give object sizes.
     */
    private final boolean asyncProfiler;
    /**
     * The one CPU event this recording asked for. JFR writes the events of every recording running
     * at the time into each, so another recording's {@code jdk.ExecutionSample} shows up beside our
     * {@code jdk.CPUTimeSample}; counting both would count the same CPU time twice.
     */
    private final String cpuEvent;
    /** async-profiler's mean bytes between allocation samples (the JVM's heap sampling interval). */
    private final long allocInterval;
    /** async-profiler's CPU engine as it recorded it (perf_events, ctimer, itimer), or null. */
    private String cpuEngine;
    /** async-profiler's {@code jstackdepth}: its stacks of this many frames were cut. */
    private int stackDepth = Integer.MAX_VALUE;

    /** A reader of a JFR recording that sampled CPU with {@code jdk.ExecutionSample}. */
    public JfrFileReader(MeasurementWindows windows, ThreadSelector selector, Collectors collectors) {
        this(windows, selector, collectors, false);
    }

    /**
     * A reader of a JFR recording.
     *
     * @param cpuTime whether the recording sampled CPU with {@code jdk.CPUTimeSample} (else {@code jdk.ExecutionSample})
     */
    public JfrFileReader(MeasurementWindows windows, ThreadSelector selector, Collectors collectors, boolean cpuTime) {
        this(windows, selector, collectors, false, cpuTime ? JfrEvents.CPU_TIME_SAMPLE : JfrEvents.EXECUTION_SAMPLE, 0);
    }

    /**
     * A reader for a file async-profiler wrote in JFR format: CPU samples are
     * {@code jdk.ExecutionSample}, one sampling interval of CPU time each; allocation samples are
     * {@code jdk.ObjectAllocationInNewTLAB}/{@code OutsideTLAB} events with stacks.
     */
    public static JfrFileReader forAsyncProfiler(MeasurementWindows windows, ThreadSelector selector, Collectors collectors,
                                                 long allocInterval) {
        return new JfrFileReader(windows, selector, collectors, true, JfrEvents.EXECUTION_SAMPLE, allocInterval);
    }

    private JfrFileReader(MeasurementWindows windows, ThreadSelector selector, Collectors collectors,
                          boolean asyncProfiler, String cpuEvent, long allocInterval) {
        this.asyncProfiler = asyncProfiler;
        this.cpuEvent = cpuEvent;
        this.allocInterval = allocInterval;
        this.windows = windows;
        this.selector = selector;
        this.cpu = collectors.cpu();
        this.alloc = collectors.alloc();
        this.block = collectors.block();
        this.mutex = collectors.mutex();
        this.heap = collectors.heap();
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
                if (!asyncProfiler) {
                    allocationSample(event, event.getLong("weight"));
                }
            }
            case JfrEvents.ALLOCATION_IN_NEW_TLAB, JfrEvents.ALLOCATION_OUTSIDE_TLAB -> {
                if (asyncProfiler) {
                    sizedAllocationSample(event);
                } else {
                    objectSize(event);
                }
            }
            case JfrEvents.ACTIVE_SETTING -> {
                if (asyncProfiler) {
                    asyncProfilerSetting(event.getString("name"), event.getString("value"));
                }
            }
            case JfrEvents.THREAD_PARK -> wait(event, event.getClass("parkedClass"), Wait.PARK);
            case JfrEvents.MONITOR_ENTER -> wait(event, event.getClass("monitorClass"), Wait.MONITOR_ENTER);
            case JfrEvents.MONITOR_WAIT -> wait(event, event.getClass("monitorClass"), Wait.MONITOR_WAIT);
            case JfrEvents.OLD_OBJECT_SAMPLE -> liveObject(event);
            default -> {
            }
        }
    }

    private void cpuSample(RecordedEvent event, RecordedThread thread) {
        if (cpu != null && event.getEventType().getName().equals(cpuEvent) && counts(event, thread)) {
            cpu.add(stack(event), thread.getJavaName());
        }
    }

    private void lostCpuSamples(RecordedEvent event) {
        RecordedThread thread = event.getThread("eventThread");
        if (cpu != null && cpuEvent.equals(JfrEvents.CPU_TIME_SAMPLE) && counts(event, thread)) {
            cpu.addLost(thread.getJavaName(), event.getInt("lostSamples"));
        }
    }

    private void allocationSample(RecordedEvent event, long weight) {
        RecordedThread thread = event.getThread();
        if (alloc != null && counts(event, thread)) {
            alloc.add(thread.getJavaThreadId(), thread.getJavaName(), stack(event),
                    className(event.getClass("objectClass")), weight);
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
        if (alloc == null || size <= 0 || !counts(event, thread)) {
            return;
        }
        double chance = -Math.expm1(-(double) size / allocInterval);
        alloc.addSized(thread.getJavaThreadId(), thread.getJavaName(), stack(event),
                className(event.getClass("objectClass")), Math.round(size / chance), size);
    }

    private void asyncProfilerSetting(String name, String value) {
        if ("engine".equals(name)) {
            cpuEngine = value;
        } else if ("jstackdepth".equals(name) && value != null && value.matches("\\d{1,9}")) {
            stackDepth = Integer.parseInt(value);
        }
    }

    /** async-profiler's CPU engine as it recorded it (perf_events, ctimer or itimer), or null when not read. */
    public String asyncProfilerCpuEngine() {
        return cpuEngine;
    }

    private void objectSize(RecordedEvent event) {
        if (alloc != null && counts(event, event.getThread())) {
            alloc.addObjectSize(className(event.getClass("objectClass")), event.getLong("allocationSize"));
        }
    }

    private enum Wait {
        /** {@code LockSupport.park}: a lock wait only when parked on a lock. */
        PARK,
        /** Entering a contended {@code synchronized}: always a lock wait. */
        MONITOR_ENTER,
        /** {@code Object.wait}: waiting for a notification, never a lock wait. */
        MONITOR_WAIT
    }

    /**
     * One wait. It counts only when it began and ended inside one measurement iteration: waits
     * across an iteration's edge are JMH's workers idling between iterations.
     */
    private void wait(RecordedEvent event, RecordedClass on, Wait kind) {
        if (block == null && mutex == null) {
            return;
        }
        RecordedThread thread = event.getThread();
        if (!isBenchmarkThread(thread) || !windows.containsSpan(event.getStartTime(), event.getEndTime())) {
            return;
        }
        String lock = on == null ? null : on.getName();
        long delay = event.getDuration().toNanos();
        Stack stack = stack(event);
        String display = on == null ? null : className(on);
        if (block != null) {
            block.add(stack, thread.getJavaName(), display, delay);
        }
        boolean lockWait = switch (kind) {
            case PARK -> LockClasses.isLock(lock);
            case MONITOR_ENTER -> true;
            case MONITOR_WAIT -> false;
        };
        if (mutex != null && lockWait) {
            mutex.add(stack, thread.getJavaName(), display, delay);
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
        if (heap == null || !isBenchmarkThread(thread)) {
            return;
        }
        RecordedObject object = event.getValue("object");
        RecordedClass type = object == null ? null : object.getValue("type");
        if (type == null) {
            return;
        }
        long bytes;
        boolean estimated = !event.hasField("objectSize");
        if (estimated) {
            if (sizes == null) {
                sizes = ObjectSizeEstimate.forThisJvm();
            }
            bytes = sizes.bytes(type.getName(), event.getInt("arrayElements"));
        } else {
            bytes = event.getLong("objectSize");
        }
        heap.add(stack(event), thread.getJavaName(), className(type), bytes, estimated);
    }

    private Stack stack(RecordedEvent event) {
        return StackConverter.convert(event.getStackTrace(), asyncProfiler, stackDepth);
    }

    private boolean isBenchmarkThread(RecordedThread thread) {
        if (thread == null || thread.getJavaName() == null) {
            return false;
        }
        String group = thread.getThreadGroup() == null ? null : thread.getThreadGroup().getName();
        return selector.isBenchmarkThread(thread.getJavaThreadId(), thread.getJavaName(), group);
    }

    private boolean counts(RecordedEvent event, RecordedThread thread) {
        return isBenchmarkThread(thread) && windows.contains(event.getStartTime());
    }

    /** {@code byte[]} rather than {@code [B}: the name a Java programmer reads. */
    static String className(RecordedClass type) {
        return type == null ? "[unknown class]" : ClassNames.readable(type.getName());
    }
}
