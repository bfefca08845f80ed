package io.github.jmhpprof.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import io.github.jmhpprof.model.Frame;
import io.github.jmhpprof.model.Stack;
import java.util.List;
import org.junit.jupiter.api.Test;

class HarnessFramesTest {

    private static final Frame SORT = new Frame("p.BubbleSortBenchmark", "bubbleSort", "([I)V", 48, true);
    private static final Frame BENCHMARK = new Frame("p.BubbleSortBenchmark", "bubbleSort", "()[I", 40, true);
    private static final List<Frame> HARNESS = List.of(
            new Frame(
                    "p.jmh_generated.BubbleSortBenchmark_bubbleSort_jmhTest",
                    "bubbleSort_avgt_jmhStub",
                    "()V",
                    190,
                    false),
            new Frame(
                    "p.jmh_generated.BubbleSortBenchmark_bubbleSort_jmhTest",
                    "bubbleSort_AverageTime",
                    "()V",
                    153,
                    false),
            new Frame("jdk.internal.reflect.NativeMethodAccessorImpl", "invoke0", "()V", 0, false),
            new Frame("java.lang.reflect.Method", "invoke", "()V", 569, false),
            new Frame("org.openjdk.jmh.runner.BenchmarkHandler$BenchmarkTask", "call", "()V", 527, false),
            new Frame("java.util.concurrent.FutureTask", "run", "()V", 264, false),
            new Frame("java.lang.Thread", "run", "()V", 840, false));

    private final HarnessFrames harness = HarnessFrames.of("p.BubbleSortBenchmark.bubbleSort");

    @Test
    void theFramesAboveTheBenchmarkMethodBecomeOneRootNamingTheBenchmark() {
        List<Frame> frames = new java.util.ArrayList<>(List.of(SORT, BENCHMARK));
        frames.addAll(HARNESS);
        Stack folded = harness.fold(new Stack(frames));
        assertEquals(3, folded.frames().size(), folded.toString());
        assertEquals(SORT, folded.frames().get(0), "the benchmark's own frames stay, inlining included");
        assertEquals("bubbleSort", folded.frames().get(1).methodName());
        assertFalse(folded.frames().get(1).inlined(), "the outermost own frame is no longer inlined into a caller");
        assertEquals(
                Frame.synthetic("[JMH BubbleSortBenchmark::bubbleSort]"),
                folded.frames().get(2));
    }

    @Test
    void stacksOfThreadsTheBenchmarkStartsKeepTheirRoots() {
        Stack worker = Stack.of(
                SORT,
                new Frame("p.Worker", "run", "()V", 10, false),
                new Frame("java.lang.Thread", "run", "()V", 840, false));
        assertSame(worker, harness.fold(worker));
        Stack lost = Stack.of(Frame.synthetic("[lost samples]"));
        assertSame(lost, harness.fold(lost));
    }

    @Test
    void theRootDoesNotMatchARegexForTheBenchmarkMethod() {
        String root = HarnessFrames.rootName("p.BubbleSortBenchmark.bubbleSort");
        assertFalse(
                java.util.regex.Pattern.compile("BubbleSortBenchmark.bubbleSort")
                        .matcher(root)
                        .find(),
                root);
    }
}
