package io.github.jmhpprof.jmh;

import io.github.jmhpprof.async.AsyncProfilerLibrary;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.ExternalProfiler;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.profile.ProfilerException;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * JMH profiler that writes pprof CPU and allocation profiles of the measurement iterations (and,
 * when asked, block, mutex, live-heap and thread profiles),
 * one folder per benchmark and @Param combination. Select it with {@code -prof pprof} (through the
 * top-level {@code pprof} class) or by this class's name.
 * <p>
 * It is two profilers in one, as JMH's own JFR profiler: the external half runs in the host and
 * adds JVM flags to each fork; the internal half runs in the fork and records.
 */
public class PprofProfiler implements InternalProfiler, ExternalProfiler {

    private final ProfilerOptions options;
    private BenchmarkSession session;
    /** Host side: forks launched so far for this benchmark (JMH makes one profiler per benchmark). */
    private int launches;
    private ForkRole lastLaunched;

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
        if (options.engine() == Engine.ASYNC) {
            // Here, in the host, before the first benchmark: not in every fork after its warmup.
            Optional<String> unavailable = AsyncProfilerLibrary.unavailableReason();
            if (unavailable.isPresent()) {
                throw new ProfilerException("pprof: " + unavailable.get());
            }
        }
    }

    @Override
    public String getDescription() {
        return "pprof CPU and allocation profiles (go tool pprof) of the measurement iterations, via JFR; "
                + "exact B/op; block, mutex, heap and threads profiles on request. Options: -prof pprof:help";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        if (session == null || !session.benchmarkId().equals(benchmarkParams.id())) {
            session = new BenchmarkSession(options, benchmarkParams, ForkRole.current());
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

    /** Called by JMH in the host once before each fork, warmup forks first. */
    @Override
    public Collection<String> addJVMOptions(BenchmarkParams params) {
        lastLaunched = ForkRole.ofLaunch(launches++, params.getWarmupForks(), params.getForks());
        // One flag: JVM takes only the last -XX:FlightRecorderOptions.
        String recorderOptions = "stackdepth=" + options.stackDepth()
                + (options.events().contains(EventKind.HEAP) ? ",old-object-queue-size=" + options.heapSamples() : "");
        List<String> flags = new ArrayList<>(List.of(
                "-XX:FlightRecorderOptions=" + recorderOptions,
                // Without this, JFR attributes samples in inlined code to the nearest safepoint's line.
                "-XX:+UnlockDiagnosticVMOptions",
                "-XX:+DebugNonSafepoints"));
        flags.addAll(lastLaunched.jvmFlags());
        if (lastLaunched.kind() == ForkRole.Kind.MEASURED) {
            OutputLayout layout = new OutputLayout(options.dir());
            RunRegistry.of(layout).launched(params.id(), new TrialAssembler(options, params), lastLaunched);
        }
        return flags;
    }

    @Override
    public void beforeTrial(BenchmarkParams params) {
        if (lastLaunched != null && lastLaunched.kind() == ForkRole.Kind.MEASURED && lastLaunched.fork() == 1) {
            try {
                new OutputLayout(options.dir()).clearPreviousRun(params.id());
            } catch (IOException e) {
                throw new UncheckedIOException("pprof: cannot clear the previous run's profiles of " + params.id(), e);
            }
        }
    }

    @Override
    public Collection<? extends Result> afterTrial(BenchmarkResult br, long pid, File stdOut, File stdErr) {
        if (lastLaunched == null || lastLaunched.kind() != ForkRole.Kind.MEASURED) {
            return List.of();
        }
        return new TrialAssembler(options, br.getParams()).afterFork(lastLaunched);
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
