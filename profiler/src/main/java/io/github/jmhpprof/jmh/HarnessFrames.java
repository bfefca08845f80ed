package io.github.jmhpprof.jmh;

import io.github.jmhpprof.model.Frame;
import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.model.Stack;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds the frames JMH runs above a {@code @Benchmark} method (the thread, the executor,
 * reflection, JMH's runner and its generated stubs) into one root frame that names the
 * benchmark, {@code [JMH BubbleSortBenchmark::bubbleSort]}, as Go's benchmark profiles start at
 * {@code testing.(*B).runN} a few frames above the benchmark. The graph, the flame graph and
 * {@code -top -cum} then open on the benchmark's own code. Stacks that do not pass through JMH's
 * generated code (threads the benchmark starts, the JVM's, synthetic ones) are left as they are.
 *
 * <p>The root's name has {@code ::} between class and method, so a regex for the method
 * ({@code BubbleSortBenchmark.bubbleSort}, as in {@code -list} or {@code -focus}) does not match it.
 */
final class HarnessFrames {

    /** The package JMH generates its stubs in, below the benchmark's own. */
    private static final String GENERATED = "jmh_generated";

    private final Frame root;

    private HarnessFrames(Frame root) {
        this.root = root;
    }

    /** @param benchmark JMH's benchmark name, {@code pkg.Class.method} */
    static HarnessFrames of(String benchmark) {
        return new HarnessFrames(Frame.synthetic(rootName(benchmark)));
    }

    static String rootName(String benchmark) {
        int method = benchmark.lastIndexOf('.');
        String className = benchmark.substring(0, Math.max(method, 0));
        String simpleClass = className.substring(className.lastIndexOf('.') + 1);
        return "[JMH " + simpleClass + "::" + benchmark.substring(method + 1) + "]";
    }

    ProfileData fold(ProfileData profile) {
        return profile.withStacks(this::fold);
    }

    Stack fold(Stack stack) {
        List<Frame> frames = stack.frames();
        int stub = -1;
        for (int i = 0; i < frames.size(); i++) { // leaf first: the first generated frame calls the benchmark
            if (isGenerated(frames.get(i))) {
                stub = i;
                break;
            }
        }
        if (stub < 0) {
            return stack;
        }
        List<Frame> kept = new ArrayList<>(frames.subList(0, stub));
        if (!kept.isEmpty()) {
            // The benchmark method may have been inlined into the stub; without the stub it is the
            // outermost frame of its own code, not inlined into the root.
            Frame outer = kept.get(kept.size() - 1);
            kept.set(
                    kept.size() - 1,
                    new Frame(
                            outer.className(),
                            outer.methodName(),
                            outer.descriptor(),
                            outer.line(),
                            false,
                            outer.library()));
        }
        kept.add(root);
        return new Stack(kept);
    }

    private static boolean isGenerated(Frame frame) {
        String className = frame.className();
        return className.startsWith(GENERATED + ".") || className.contains("." + GENERATED + ".");
    }
}
