package io.github.jmhpprof.jmh;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The output root is created when missing, in a real JMH run (the checks that fail at once are {@link OutputDirectoryTest}). */
class OutputDirectoryIT {

    @Test
    void aMissingNestedDirectoryIsCreated() throws Exception {
        Path dir = JmhRuns.newOutputDir("missing").resolve("a/b/c");
        JmhRuns.run(JmhRuns.shortRun(WorkBenchmark.class.getName(), dir, "events=alloc"));
        assertTrue(Files.isRegularFile(
                JmhRuns.benchmarkFolder(dir, "WorkBenchmark.work").resolve("alloc.pb.gz")));
    }
}
