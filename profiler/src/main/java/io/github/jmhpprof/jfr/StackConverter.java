package io.github.jmhpprof.jfr;

import io.github.jmhpprof.model.Frame;
import io.github.jmhpprof.model.Stack;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordedStackTrace;

import java.util.ArrayList;
import java.util.List;

/** Turns JFR stack traces into engine-neutral stacks. */
final class StackConverter {

    /** Root frame of a stack that JFR cut at its stack depth, so pprof does not merge it into a wrong parent. */
    static final Frame TRUNCATED = Frame.synthetic("[truncated]");
    /** Stands in for a stack that JFR could not walk. */
    static final Frame NO_STACK = Frame.synthetic("[no stack]");

    private StackConverter() {
    }

    static Stack convert(RecordedStackTrace trace) {
        if (trace == null || trace.getFrames().isEmpty()) {
            return Stack.of(NO_STACK);
        }
        List<RecordedFrame> recorded = trace.getFrames();
        List<Frame> frames = new ArrayList<>(recorded.size() + 1);
        for (RecordedFrame f : recorded) {
            RecordedMethod method = f.getMethod();
            frames.add(new Frame(
                    method.getType().getName(),
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
}
