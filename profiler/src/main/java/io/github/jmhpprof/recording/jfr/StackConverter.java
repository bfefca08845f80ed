package io.github.jmhpprof.recording.jfr;

import io.github.jmhpprof.model.ClassNames;
import io.github.jmhpprof.model.Frame;
import io.github.jmhpprof.model.Stack;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;

/** Turns JFR stack traces into engine-neutral stacks. */
final class StackConverter {

    /** Root frame of a stack that JFR cut at its stack depth, so pprof does not merge it into a wrong parent. */
    static final Frame TRUNCATED = Frame.synthetic("[truncated]");
    /** Stands in for a stack that JFR could not walk. */
    static final Frame NO_STACK = Frame.synthetic("[no stack]");

    private StackConverter() {}

    /** async-profiler's library, extracted under a random name ({@code libasyncProfiler-6322115940.so}) each run. */
    private static final Pattern EXTRACTED_COPY = Pattern.compile("^(libasyncProfiler)-\\d+(?=\\.)");

    /**
     * @param asyncProfiler the trace comes from async-profiler, whose stacks also hold native code:
     *                      {@code C++} frames (VM functions, class = the library), {@code Kernel}
     *                      frames and {@code Native} frames without a Java class
     * @param cutAt a stack of this many frames was cut there: async-profiler does not set JFR's
     *              truncated flag, it stops at its {@code jstackdepth}
     */
    static Stack convert(RecordedStackTrace trace, boolean asyncProfiler, int cutAt) {
        if (trace == null || trace.getFrames().isEmpty()) {
            return Stack.of(NO_STACK);
        }
        List<RecordedFrame> recorded = trace.getFrames();
        List<Frame> frames = new ArrayList<>(recorded.size() + 1);
        for (RecordedFrame f : recorded) {
            RecordedMethod method = f.getMethod();
            String library = asyncProfiler ? nativeLibrary(f) : "";
            if (!library.isEmpty()) {
                frames.add(Frame.nativeCode(library, method.getName()));
                continue;
            }
            frames.add(new Frame(
                    ClassNames.stable(method.getType().getName()),
                    method.getName(),
                    method.getDescriptor(),
                    Math.max(0, f.getLineNumber()),
                    "Inlined".equals(f.getType())));
        }
        if (trace.isTruncated() || recorded.size() >= cutAt) {
            frames.add(TRUNCATED);
        }
        return new Stack(frames);
    }

    /** The library of an async-profiler frame of native code, or empty for a Java frame. */
    static String nativeLibrary(RecordedFrame frame) {
        String type = frame.getType();
        String owner = frame.getMethod().getType() == null
                ? ""
                : frame.getMethod().getType().getName();
        if ("Kernel".equals(type)) {
            return "[kernel]";
        }
        if (!"C++".equals(type) && !"Native".equals(type)) {
            return "";
        }
        if (owner.isEmpty()) {
            return "[native]";
        }
        // A Java native method (JNI) keeps its class; a library has a file name instead.
        boolean library =
                "C++".equals(type) || owner.contains(".so") || owner.endsWith(".dylib") || owner.startsWith("[");
        return library ? EXTRACTED_COPY.matcher(owner).replaceFirst("$1") : "";
    }
}
