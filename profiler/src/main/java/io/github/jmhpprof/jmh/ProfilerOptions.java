package io.github.jmhpprof.jmh;

import io.github.jmhpprof.model.ProfileKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The parsed {@code -prof pprof:...} options. Each option's name, form, help line, default and
 * converter are in its {@link OptionSpec} below, and nowhere else. Parsing is free of side effects:
 * JMH builds the profiler several times (host, every fork, {@code -lprof}), and only the host's
 * failure stops a run.
 *
 * @param dir                output root; one folder per benchmark below it
 * @param events             the profiles to write
 * @param interval           CPU sampling period
 * @param allocSamplesPerSecond upper bound on allocation samples per second (JFR: per thread)
 * @param stackDepth         JFR stack depth, passed to forked JVMs
 * @param cpuSampler         which JFR event drives the CPU profile
 * @param jvmCpu             add the JVM's CPU time outside the benchmark threads to the CPU profile
 * @param blockThreshold     shortest wait the block profile records
 * @param mutexThreshold     shortest lock wait the mutex profile records
 * @param heapSamples        how many live objects JFR's old-object sampler keeps, passed to forked JVMs
 * @param engine             which sampler records the CPU and allocation profiles
 * @param stacks             whether JMH's harness frames above the benchmark method are folded into one root or kept
 * @param baseline           output root of an earlier run to compare this run with at its end, or null
 */
public record ProfilerOptions(
        Path dir,
        Set<ProfileKind> events,
        Duration interval,
        int allocSamplesPerSecond,
        int stackDepth,
        CpuSampler cpuSampler,
        boolean jvmCpu,
        Duration blockThreshold,
        Duration mutexThreshold,
        int heapSamples,
        Engine engine,
        Stacks stacks,
        Path baseline) {

    /** JFR refuses stack depths above this. */
    static final int MAX_STACK_DEPTH = 2048;

    static final int MAX_HEAP_SAMPLES = 65536;

    static final OptionSpec<Path> DIR = new OptionSpec<>(
            "dir", "<path>", "output root; profiles go to <dir>/<benchmark-id>/", "pprof", OptionValues::path);
    static final OptionSpec<Set<ProfileKind>> EVENTS = new OptionSpec<>(
            "events",
            "<list>",
            "comma list of profiles to write: cpu, alloc, block, mutex, heap, threads",
            "cpu,alloc",
            OptionValues::events);
    static final OptionSpec<Duration> INTERVAL = new OptionSpec<>(
            "interval",
            "<duration>",
            "CPU sampling period, 1ms to 10s, e.g. 10ms or 1ms",
            "10ms",
            OptionValues::interval);
    static final OptionSpec<Integer> ALLOC_RATE = new OptionSpec<>(
            "allocRate",
            "<n>/s",
            "at most n allocation samples per second (async-profiler: also at most 20,000 per "
                    + "measurement); totals are calibrated to exact bytes either way",
            "1000/s",
            OptionValues::rate);
    static final OptionSpec<Integer> STACK_DEPTH = new OptionSpec<>(
            "stackDepth",
            "<frames>",
            "deepest stack JFR records, 64 to " + MAX_STACK_DEPTH
                    + " (forked JVMs only; with -f 0 the JVM's own setting applies)",
            "2048",
            OptionValues.wholeNumber("frames", 64, MAX_STACK_DEPTH));
    static final OptionSpec<CpuSampler> CPU = OptionSpec.oneOf(
            "cpu",
            CpuSampler.values(),
            CpuSampler::optionName,
            "JFR CPU sampler (engine=jfr, or where async-profiler does not load): cputime = jdk.CPUTimeSample (JDK 25+), "
                    + "execution = jdk.ExecutionSample; auto picks cputime where available",
            CpuSampler.AUTO);
    static final OptionSpec<Boolean> JVM_CPU = new OptionSpec<>(
            "jvmCpu",
            "true|false",
            "also show the JVM's CPU time outside "
                    + "the benchmark threads (GC, JIT, other) as one [JVM: ...] stack in the CPU profile, so it adds up to the "
                    + "process's CPU time",
            "false",
            OptionValues.either("false", "true", "true or false"));
    static final OptionSpec<Duration> BLOCK_THRESHOLD = new OptionSpec<>(
            "blockThreshold",
            "<duration>",
            "block profile: " + "shortest wait recorded (park, monitor enter and wait), 0 to 10s, e.g. 0, 10us, 1ms",
            "10us",
            OptionValues::threshold);
    static final OptionSpec<Duration> MUTEX_THRESHOLD = new OptionSpec<>(
            "mutexThreshold",
            "<duration>",
            "mutex profile: "
                    + "shortest lock wait recorded (synchronized, ReentrantLock, ReentrantReadWriteLock, StampedLock), 0 to 10s",
            "10us",
            OptionValues::threshold);
    /** The default, 256, is JFR's own queue size for jdk.OldObjectSample. */
    static final OptionSpec<Integer> HEAP_SAMPLES = new OptionSpec<>(
            "heapSamples",
            "<n>",
            "heap profile: live objects JFR's " + "old-object sampler keeps, 1 to " + MAX_HEAP_SAMPLES
                    + " (forked JVMs only)",
            "256",
            OptionValues.wholeNumber("objects", 1, MAX_HEAP_SAMPLES));

    static final OptionSpec<Engine> ENGINE = OptionSpec.oneOf(
            "engine",
            Engine.values(),
            Engine::optionName,
            "sampler of the cpu and alloc profiles: auto = async-profiler where its native library loads (Linux x64/arm64, "
                    + "macOS), JFR otherwise; async = async-profiler or fail; jfr = JDK Flight Recorder, whose allocation "
                    + "sites come from buffer-refill sampling",
            Engine.AUTO);
    static final OptionSpec<Stacks> STACKS = OptionSpec.oneOf(
            "stacks",
            Stacks.values(),
            Stacks::optionName,
            "benchmark = JMH's frames above "
                    + "the @Benchmark method (thread, executor, reflection, generated stubs) folded into one root frame "
                    + "[JMH Class::method]; full = keep them",
            Stacks.BENCHMARK);
    static final OptionSpec<Path> BASELINE = new OptionSpec<>(
            "baseline",
            "<path>",
            "dir of an earlier run: print how this "
                    + "run compares with it at the end (as io.github.jmhpprof.Compare BASELINE DIR does)",
            null,
            OptionValues::path);

    static final List<OptionSpec<?>> SPECS = List.of(
            DIR,
            EVENTS,
            INTERVAL,
            ALLOC_RATE,
            STACK_DEPTH,
            CPU,
            JVM_CPU,
            BLOCK_THRESHOLD,
            MUTEX_THRESHOLD,
            HEAP_SAMPLES,
            ENGINE,
            STACKS,
            BASELINE);

    public static ProfilerOptions parse(String initLine) throws OptionSyntaxException {
        Map<String, String> values = InitLineParser.parse(initLine, SPECS);
        Path dir = DIR.read(values);
        return new ProfilerOptions(
                dir,
                EVENTS.read(values),
                INTERVAL.read(values),
                ALLOC_RATE.read(values),
                STACK_DEPTH.read(values),
                CPU.read(values),
                JVM_CPU.read(values),
                BLOCK_THRESHOLD.read(values),
                MUTEX_THRESHOLD.read(values),
                HEAP_SAMPLES.read(values),
                ENGINE.read(values),
                STACKS.read(values),
                notTheSameAs(dir, values.get(BASELINE.name()), BASELINE.read(values)));
    }

    /** The baseline, which must be another folder than {@code dir}: this run replaces dir's profiles as it goes. */
    private static Path notTheSameAs(Path dir, String value, Path baseline) throws OptionSyntaxException {
        if (baseline != null
                && baseline.toAbsolutePath()
                        .normalize()
                        .equals(dir.toAbsolutePath().normalize())) {
            throw OptionSpec.bad(
                    BASELINE.name(), value, "another folder than dir: this run replaces dir's profiles as it goes");
        }
        return baseline;
    }

    /** Where this run's files go: the one place the layout is made. */
    OutputLayout layout() {
        return new OutputLayout(dir);
    }

    public static boolean isHelpRequest(String initLine) {
        return initLine != null && initLine.strip().equals("help");
    }

    public static String help() {
        return InitLineParser.help(SPECS);
    }
}
