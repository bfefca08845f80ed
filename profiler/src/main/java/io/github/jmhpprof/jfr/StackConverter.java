package io.github.jmhpprof.jfr;

import io.github.jmhpprof.model.Frame;
import io.github.jmhpprof.model.Stack;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Turns JFR stack traces into engine-neutral stacks. */
final class StackConverter {

    /** Root frame of a stack that JFR cut at its stack depth, so pprof does not merge it into a wrong parent. */
    static final Frame TRUNCATED = Frame.synthetic("[truncated]");
    /** Stands in for a stack that JFR could not walk. */
    static final Frame NO_STACK = Frame.synthetic("[no stack]");

    private StackConverter() {
    }

    private static final Pattern LAMBDA = Pattern.compile("\\$\\$Lambda(\\$\\d+)?([+/.]0x\\p{XDigit}+)?(\\.\\d+)?");
    /** async-profiler's library, extracted under a random name ({@code libasyncProfiler-6322115940.so}) each run. */
    private static final Pattern EXTRACTED_COPY = Pattern.compile("^(libasyncProfiler)-\\d+(?=\\.)");
    private static final Pattern HIDDEN_ADDRESS = Pattern.compile("[+/.]0x\\p{XDigit}+(\\.\\d+)?");

    /**
     * Drops the run-specific parts of hidden-class names ({@code Foo$$Lambda$49+0x00007fba8c020f00.718231523}
     * becomes {@code Foo$$Lambda}, {@code LambdaForm$MH.0x0000000075083c00} becomes {@code LambdaForm$MH}),
     * so that the same code has the same name in two runs and {@code -diff_base} pairs them.
     */
    static String stableClassName(String name) {
        if (name.indexOf("0x") < 0 && name.indexOf("$$Lambda") < 0) {
            return name;
        }
        return HIDDEN_ADDRESS.matcher(LAMBDA.matcher(name).replaceAll("\\$\\$Lambda")).replaceAll("");
    }

    static Stack convert(RecordedStackTrace trace) {
        return convert(trace, false);
    }

    /**
     * @param asyncProfiler the trace comes from async-profiler, whose stacks also hold native code:
     *                      {@code C++} frames (VM functions, class = the library), {@code Kernel}
     *                      frames and {@code Native} frames without a Java class
     */
    static Stack convert(RecordedStackTrace trace, boolean asyncProfiler) {
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
                    stableClassName(method.getType().getName()),
                    method.getName(),
                    method.getDescriptor(),
                    Math.max(0, f.getLineNumber()),
                    "Inlined".equals(f.getType())));
        }
        if (trace.isTruncated()) {
            frames.add(TRUNCATED);
        }
        return new Stack(frames);
    }

    /** The library of an async-profiler frame of native code, or empty for a Java frame. */
    static String nativeLibrary(RecordedFrame frame) {
        String type = frame.getType();
        String owner = frame.getMethod().getType() == null ? "" : frame.getMethod().getType().getName();
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
        boolean library = "C++".equals(type) || owner.contains(".so") || owner.endsWith(".dylib") || owner.startsWith("[");
        return library ? EXTRACTED_COPY.matcher(owner).replaceFirst("$1") : "";
    }
}
