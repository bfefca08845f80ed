package io.github.jmhpprof.jmh;

import io.github.jmhpprof.files.WriteErrors;
import io.github.jmhpprof.model.ProfileKind;
import io.github.jmhpprof.recording.async.AsyncProfilerLibrary;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.ExternalProfiler;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.profile.ProfilerException;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.TextResult;

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
        } catch (OptionSyntaxException e) {
            throw new ProfilerException(e.getMessage());
        }
        // Only where a run starts. JMH builds the profiler again in every fork and for every
        // benchmark, and silently drops it where the constructor throws: a dir that fails later
        // must fail loudly where a file is written, not make JMH average zeros into B/op.
        if (ForkRole.current().kind() == ForkRole.Kind.EMBEDDED && !RunLock.heldHere(options.dir())) {
            checkOutputRoot(options.dir());
        }
        if (ForkRole.current().kind() == ForkRole.Kind.EMBEDDED
                && options.baseline() != null
                && !java.nio.file.Files.isDirectory(options.baseline())) {
            throw new ProfilerException(
                    "pprof: option 'baseline' names " + options.baseline().toAbsolutePath()
                            + ", which is not a folder; expected the dir of an earlier -prof pprof run");
        }
        if (options.engine() == Engine.ASYNC) {
            // Here, in the host, before the first benchmark: not in every fork after its warmup.
            Optional<String> unavailable = AsyncProfilerLibrary.unavailableReason();
            if (unavailable.isPresent()) {
                throw new ProfilerException("pprof: " + unavailable.get());
            }
        }
    }

    private static void checkOutputRoot(Path dir) throws ProfilerException {
        try {
            OutputDirectoryCheck.check(dir);
            Optional<String> holder = RunLock.otherHolder(dir);
            if (holder.isPresent()) {
                throw new ProfilerException(RunLock.inUse(dir, holder.get()));
            }
        } catch (OptionSyntaxException e) {
            throw new ProfilerException(e.getMessage());
        } catch (IOException e) {
            throw new ProfilerException("pprof: cannot read the lock of " + dir + ": " + WriteErrors.describe(e));
        }
    }

    @Override
    public String getDescription() {
        return "pprof CPU and allocation profiles (go tool pprof) of the measurement iterations, via JFR; "
                + "exact B/op; block, mutex, heap and threads profiles on request. Options: -prof pprof:help";
    }

    /** The params this profiler last asked {@link ProfilerClaims} about, and the answer: asked once per benchmark. */
    private BenchmarkParams claimedFor;

    private boolean claimed;

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        // Once per benchmark, not at every iteration's edge, where another profiler may count our bytes.
        if (benchmarkParams != claimedFor) {
            claimed = ProfilerClaims.claim(this, options.dir(), benchmarkParams);
            claimedFor = benchmarkParams;
        }
        if (!claimed) {
            return;
        }
        // The same params object within a fork: compared first, as id() builds a new string each call
        // (and this runs where another profiler may be counting our bytes).
        if (session == null || !session.isFor(benchmarkParams)) {
            session = new BenchmarkSession(options, benchmarkParams, ForkRole.current());
        }
        session.beforeIteration(iterationParams);
    }

    @Override
    public Collection<? extends Result> afterIteration(
            BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
        if (session == null) {
            return List.of(); // another pprof profiler does the work (see beforeIteration)
        }
        return session.afterIteration(iterationParams, result);
    }

    @Override
    public Collection<String> addJVMInvokeOptions(BenchmarkParams params) {
        return List.of();
    }

    /** Called by JMH in the host once before each fork, warmup forks first. */
    @Override
    public Collection<String> addJVMOptions(BenchmarkParams params) {
        if (!ProfilerClaims.claim(this, options.dir(), params)) {
            if (launches++ == 0) {
                System.out.println("pprof: -prof pprof is given more than once for " + options.dir()
                        + "; the first one's options apply, the others do nothing");
            }
            return List.of();
        }
        lastLaunched = ForkRole.ofLaunch(launches++, params.getWarmupForks(), params.getForks());
        // One flag: JVM takes only the last -XX:FlightRecorderOptions.
        String recorderOptions = "stackdepth=" + options.stackDepth()
                + (options.events().contains(ProfileKind.HEAP)
                        ? ",old-object-queue-size=" + options.heapSamples()
                        : "");
        List<String> flags = new ArrayList<>(List.of(
                "-XX:FlightRecorderOptions=" + recorderOptions,
                // Without this, JFR attributes samples in inlined code to the nearest safepoint's line.
                "-XX:+UnlockDiagnosticVMOptions",
                "-XX:+DebugNonSafepoints"));
        flags.addAll(lastLaunched.jvmFlags());
        if (lastLaunched.kind() == ForkRole.Kind.MEASURED) {
            OutputLayout layout = options.layout();
            try {
                RunRegistry.begin(layout).launched(params.id(), new TrialAssembler(options, params), lastLaunched);
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "pprof: cannot start writing to " + options.dir() + ": " + WriteErrors.describe(e), e);
            }
        }
        return flags;
    }

    @Override
    public void beforeTrial(BenchmarkParams params) {
        if (lastLaunched != null && lastLaunched.kind() == ForkRole.Kind.MEASURED && lastLaunched.fork() == 1) {
            try {
                PreviousRun.setAside(options.layout().benchmarkDir(params.id()));
            } catch (IOException e) {
                throw new UncheckedIOException(
                        "pprof: cannot set the previous run's profiles of " + params.id() + " aside: "
                                + WriteErrors.describe(e),
                        e);
            }
        }
    }

    @Override
    public Collection<? extends Result> afterTrial(BenchmarkResult br, long pid, File stdOut, File stdErr) {
        if (lastLaunched == null || lastLaunched.kind() != ForkRole.Kind.MEASURED) {
            return List.of();
        }
        return new TrialAssembler(options, br.getParams()).afterFork(lastLaunched, forkSaid(br));
    }

    /** The text the fork's profiler returned (it reports a failure to write that way), or empty. */
    private static String forkSaid(BenchmarkResult br) {
        StringBuilder said = new StringBuilder();
        for (IterationResult iteration : br.getIterationResults()) {
            if (iteration.getSecondaryResults().get("pprof") instanceof TextResult text) {
                said.append(text.extendedInfo().strip());
            }
            // The last iteration's B/op result carries what a fork's deferred conversion said.
            for (Result r : iteration.getRawSecondaryResults().get(BenchmarkSession.ALLOC_NORM)) {
                if (r instanceof AfterAllProfilersResult deferred) {
                    said.append(deferred.said().strip());
                }
            }
        }
        return said.toString();
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
