package io.github.jmhpprof.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jmhpprof.testing.RawProfile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** In a real JMH run: by default every stack starts at one root naming the benchmark; stacks=full keeps JMH's frames. */
class StacksOptionIT {

    private static final String ROOT = "[JMH WorkBenchmark::work]";

    @Test
    void theHarnessFramesAreOneRootByDefaultAndAllThereWithStacksFull() throws Exception {
        Path folded = JmhRuns.newOutputDir("stacks-folded");
        JmhRuns.run(JmhRuns.shortRun(WorkBenchmark.class.getName(), folded, ""));
        RawProfile cpu = RawProfile.of(
                JmhRuns.benchmarkFolder(folded, "WorkBenchmark.work").resolve("cpu.pb.gz"));
        assertFalse(cpu.samples().isEmpty(), "CPU samples");
        long underRoot = 0;
        for (RawProfile.Sample s : cpu.samples()) {
            List<String> frames = cpu.functions(s);
            String root = frames.get(frames.size() - 1);
            // Every stack through the benchmark starts at the one root. Others are left as they are:
            // synthetic ones ([GC]), stacks async-profiler could not walk (not_walkable_Java), and the
            // worker's own wait for the next iteration (ThreadPoolExecutor.getTask, no JMH frame).
            if (frames.stream().anyMatch(f -> f.endsWith("WorkBenchmark.work"))) {
                assertEquals(ROOT, root, "root of " + frames);
            }
            underRoot += root.equals(ROOT) ? s.values()[0] : 0;
            assertTrue(frames.stream().noneMatch(f -> f.contains("jmh_generated")), frames.toString());
        }
        assertTrue(
                underRoot * 2 > cpu.total("samples"),
                "most samples are the benchmark's: " + underRoot + " of " + cpu.total("samples"));
        assertEquals("File: WorkBenchmark.work", cpu.comments().get(0), "the web UI's title");

        Path full = JmhRuns.newOutputDir("stacks-full");
        JmhRuns.run(JmhRuns.shortRun(WorkBenchmark.class.getName(), full, "stacks=full"));
        RawProfile fullCpu = RawProfile.of(
                JmhRuns.benchmarkFolder(full, "WorkBenchmark.work").resolve("cpu.pb.gz"));
        assertTrue(
                fullCpu.samples().stream()
                        .map(fullCpu::functions)
                        .anyMatch(f -> f.get(f.size() - 1).equals("java.lang.Thread.run")
                                && f.stream().anyMatch(x -> x.contains("jmh_generated"))),
                "stacks=full keeps the thread's root and JMH's generated code");
        assertTrue(
                fullCpu.samples().stream().map(fullCpu::functions).noneMatch(f -> f.contains(ROOT)),
                "and no folded root");
    }
}
