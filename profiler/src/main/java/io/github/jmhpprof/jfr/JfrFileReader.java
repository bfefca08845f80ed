package io.github.jmhpprof.jfr;

import io.github.jmhpprof.alloc.AllocationSamples;
import io.github.jmhpprof.cpu.CpuSamples;
import io.github.jmhpprof.threads.ThreadSelector;
import jdk.jfr.consumer.RecordedClass;
import jdk.jfr.consumer.RecordedEvent;
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

    private final MeasurementWindows windows;
    private final ThreadSelector selector;
    private final CpuSamples cpu;
    private final AllocationSamples alloc;

    public JfrFileReader(MeasurementWindows windows, ThreadSelector selector, CpuSamples cpu, AllocationSamples alloc) {
        this.windows = windows;
        this.selector = selector;
        this.cpu = cpu;
        this.alloc = alloc;
    }

    public void read(Path file) throws IOException {
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                accept(recording.readEvent());
            }
        }
    }

    private void accept(RecordedEvent event) {
        switch (event.getEventType().getName()) {
            case JfrEvents.EXECUTION_SAMPLE -> cpuSample(event, event.getThread("sampledThread"));
            case JfrEvents.CPU_TIME_SAMPLE -> cpuSample(event, event.getThread("eventThread"));
            case JfrEvents.CPU_TIME_SAMPLES_LOST -> lostCpuSamples(event);
            case JfrEvents.ALLOCATION_SAMPLE -> allocationSample(event);
            case JfrEvents.ALLOCATION_IN_NEW_TLAB, JfrEvents.ALLOCATION_OUTSIDE_TLAB -> objectSize(event);
            default -> {
            }
        }
    }

    private void cpuSample(RecordedEvent event, RecordedThread thread) {
        if (cpu != null && counts(event, thread)) {
            cpu.add(StackConverter.convert(event.getStackTrace()), thread.getJavaName());
        }
    }

    private void lostCpuSamples(RecordedEvent event) {
        RecordedThread thread = event.getThread("eventThread");
        if (cpu != null && counts(event, thread)) {
            cpu.addLost(thread.getJavaName(), event.getInt("lostSamples"));
        }
    }

    private void allocationSample(RecordedEvent event) {
        RecordedThread thread = event.getThread();
        if (alloc != null && counts(event, thread)) {
            alloc.add(thread.getJavaThreadId(), thread.getJavaName(), StackConverter.convert(event.getStackTrace()),
                    className(event.getClass("objectClass")), event.getLong("weight"));
        }
    }

    private void objectSize(RecordedEvent event) {
        if (alloc != null && counts(event, event.getThread())) {
            alloc.addObjectSize(className(event.getClass("objectClass")), event.getLong("allocationSize"));
        }
    }

    private boolean counts(RecordedEvent event, RecordedThread thread) {
        if (thread == null || thread.getJavaName() == null || !windows.contains(event.getStartTime())) {
            return false;
        }
        String group = thread.getThreadGroup() == null ? null : thread.getThreadGroup().getName();
        return selector.isBenchmarkThread(thread.getJavaThreadId(), thread.getJavaName(), group);
    }

    /** {@code byte[]} rather than {@code [B}: the name a Java programmer reads. */
    static String className(RecordedClass type) {
        if (type == null) {
            return "[unknown class]";
        }
        String name = type.getName();
        int dims = 0;
        while (dims < name.length() && name.charAt(dims) == '[') {
            dims++;
        }
        if (dims == 0) {
            return name;
        }
        String element = switch (name.charAt(dims)) {
            case 'Z' -> "boolean";
            case 'B' -> "byte";
            case 'C' -> "char";
            case 'S' -> "short";
            case 'I' -> "int";
            case 'J' -> "long";
            case 'F' -> "float";
            case 'D' -> "double";
            case 'L' -> name.substring(dims + 1, name.length() - 1);
            default -> name.substring(dims);
        };
        return element + "[]".repeat(dims);
    }
}
