package io.github.jmhpprof.jmh;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.ExternalProfiler;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.profile.ProfilerException;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;

import java.io.File;
import java.util.Collection;
import java.util.List;

/**
 * JMH profiler that writes pprof CPU and allocation profiles of the measurement iterations,
 * one folder per benchmark and @Param combination. Select it with {@code -prof pprof} (through the
 * top-level {@code pprof} class) or by this class's name.
 * <p>
 * It is two profilers in one, as JMH's own JFR profiler: the external half runs in the host and
 * adds JVM flags to each fork; the internal half runs in the fork and records.
 */
public class PprofProfiler implements InternalProfiler, ExternalProfiler {

    private final ProfilerOptions options;
    private BenchmarkSession session;

    public PprofProfiler() throws ProfilerException {
        this("");
    }

    public PprofProfiler(String initLine) throws ProfilerException {
        if (ProfilerOptions.isHelpRequest(initLine)) {
            throw new ProfilerException(ProfilerOptions.help());
        }
        try {
            this.options = ProfilerOptions.parse(initLine);
            OutputDirectoryCheck.check(options.dir());
        } catch (OptionSyntaxException e) {
            throw new ProfilerException(e.getMessage());
        }
    }

    @Override
    public String getDescription() {
        return "pprof CPU and allocation profiles (go tool pprof) of the measurement iterations, via JFR; "
                + "exact B/op. Options: -prof pprof:help";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        if (session == null || !session.benchmarkId().equals(benchmarkParams.id())) {
            session = new BenchmarkSession(options, benchmarkParams);
        }
        session.beforeIteration(iterationParams);
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        return session.afterIteration(iterationParams, result);
    }

    @Override
    public Collection<String> addJVMInvokeOptions(BenchmarkParams params) {
        return List.of();
    }

    @Override
    public Collection<String> addJVMOptions(BenchmarkParams params) {
        return List.of(
                "-XX:FlightRecorderOptions=stackdepth=" + options.stackDepth(),
                // Without this, JFR attributes samples in inlined code to the nearest safepoint's line.
                "-XX:+UnlockDiagnosticVMOptions",
                "-XX:+DebugNonSafepoints");
    }

    @Override
    public void beforeTrial(BenchmarkParams benchmarkParams) {
    }

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
}
