package io.github.jmhpprof.jmh;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.profile.ExternalProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.Result;

/**
 * A test's accomplice, run in the JMH host beside the pprof profiler: before the second fork starts,
 * it moves the output root away and puts a plain file in its place, so from then on nothing can be
 * written there, by anyone, root included. Its option is the root's path.
 */
public class DirTurnsUnwritable implements ExternalProfiler {

    private final Path dir;
    private int launches;

    public DirTurnsUnwritable(String initLine) {
        this.dir = Path.of(initLine);
    }

    @Override
    public Collection<String> addJVMOptions(BenchmarkParams params) {
        if (++launches == 2) {
            try {
                Files.move(dir, dir.resolveSibling(dir.getFileName() + ".moved"));
                Files.writeString(dir, "a file where the output folder was");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.of();
    }

    @Override
    public Collection<String> addJVMInvokeOptions(BenchmarkParams params) {
        return List.of();
    }

    @Override
    public void beforeTrial(BenchmarkParams benchmarkParams) {}

    @Override
    public Collection<? extends Result> afterTrial(BenchmarkResult br, long pid, File stdOut, File stdErr) {
        return List.of();
    }

    @Override
    public boolean allowPrintOut() {
        return true;
    }

    @Override
    public boolean allowPrintErr() {
        return true;
    }

    @Override
    public String getDescription() {
        return "test: replaces the output root by a file before the second fork";
    }
}
