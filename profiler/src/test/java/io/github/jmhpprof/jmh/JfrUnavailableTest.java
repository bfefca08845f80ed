package io.github.jmhpprof.jmh;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A fork with JFR disabled says so instead of writing empty profiles, and still reports exact B/op. */
class JfrUnavailableTest {

    @Test
    void disabledJfrGivesAClearReasonAndNoEmptyProfile() throws Exception {
        Path dir = JmhRuns.newOutputDir("nojfr");
        // The summary is printed (not a JMH result, which would add a NaN row to JMH's table): read it there.
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Collection<RunResult> results;
        System.setOut(new PrintStream(new TeeOutputStream(console, printed), true, StandardCharsets.UTF_8));
        try {
            results = JmhRuns.run(JmhRuns.shortRun(WorkBenchmark.class.getName(), dir, "")
                    .jvmArgsAppend("-XX:-FlightRecorder"));
        } finally {
            System.setOut(console);
        }
        Path folder = JmhRuns.benchmarkFolder(dir, "WorkBenchmark.work");
        assertFalse(Files.exists(folder.resolve("cpu.pb.gz")), "no empty profile");
        String report = Files.readString(dir.resolve("comparison.csv"));
        assertTrue(report.contains("no profiles: JDK Flight Recorder is not available"), report);
        RunResult result = results.iterator().next();
        String summary = printed.toString(StandardCharsets.UTF_8);
        assertNull(result.getSecondaryResults().get("pprof"), "no text result in JMH's table");
        assertTrue(summary.contains("no profiles: JDK Flight Recorder is not available"), summary);
        assertTrue(result.getSecondaryResults().get(BenchmarkSession.ALLOC_NORM).getScore() >= 4096, "B/op without JFR");
    }

    /** Writes to two streams: the console, so the run stays visible, and a buffer to check. */
    private static final class TeeOutputStream extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        TeeOutputStream(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws java.io.IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }

        @Override
        public void flush() throws java.io.IOException {
            a.flush();
            b.flush();
        }
    }
}
