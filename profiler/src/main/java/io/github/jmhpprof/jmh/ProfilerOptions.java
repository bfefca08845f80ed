package io.github.jmhpprof.jmh;

import io.github.jmhpprof.model.ProfileKind;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parsed {@code -prof pprof:...} options. Parsing is free of side effects: JMH builds the
 * profiler several times (host, every fork, {@code -lprof}), and only the host's failure stops a run.
 *
 * @param dir                output root; one folder per benchmark below it
 * @param events             the profiles to write
 * @param interval           CPU sampling period
 * @param allocSamplesPerSecond upper bound on JFR allocation samples per second and thread
 * @param stackDepth         JFR stack depth, passed to forked JVMs
 * @param cpuSampler         which JFR event drives the CPU profile
 * @param jvmCpu             add the JVM's CPU time outside the benchmark threads to the CPU profile
 * @param blockThreshold     shortest wait the block profile records
 * @param mutexThreshold     shortest lock wait the mutex profile records
 * @param heapSamples        how many live objects JFR's old-object sampler keeps, passed to forked JVMs
 * @param engine             which sampler records the CPU and allocation profiles
 * @param fullStacks         keep JMH's harness frames above the benchmark method instead of folding them into one root
 * @param baseline           output root of an earlier run to compare this run with at its end, or null
 */
public record ProfilerOptions(Path dir, Set<ProfileKind> events, Duration interval, int allocSamplesPerSecond,
                              int stackDepth, CpuSampler cpuSampler, boolean jvmCpu, Duration blockThreshold,
                              Duration mutexThreshold, int heapSamples, Engine engine,
                              boolean fullStacks, Path baseline) {

    /** The profiles written when {@code events} is not given. */
    static final String DEFAULT_EVENTS = "cpu,alloc";
    static final String DEFAULT_THRESHOLD = "10us";
    /** JFR's own default queue size for jdk.OldObjectSample. */
    static final int DEFAULT_HEAP_SAMPLES = 256;
    static final int MAX_HEAP_SAMPLES = 65536;

    /** JFR refuses stack depths above this. */
    static final int MAX_STACK_DEPTH = 2048;

    static final List<OptionSpec> SPECS = List.of(
            new OptionSpec("dir", "<path>", "output root; profiles go to <dir>/<benchmark-id>/", "pprof"),
            new OptionSpec("events", "<list>", "comma list of profiles to write: cpu, alloc, block, mutex, heap, threads",
                    DEFAULT_EVENTS),
            new OptionSpec("interval", "<duration>", "CPU sampling period, 1ms to 10s, e.g. 10ms or 1ms", "10ms"),
            new OptionSpec("allocRate", "<n>/s", "engine=jfr only: at most n JFR allocation samples per second; totals are calibrated to exact bytes either way",
                    "1000/s"),
            new OptionSpec("stackDepth", "<frames>", "deepest stack JFR records, 64 to " + MAX_STACK_DEPTH
                    + " (forked JVMs only; with -f 0 the JVM's own setting applies)", "2048"),
            new OptionSpec("cpu", "auto|cputime|execution", "JFR CPU sampler (engine=jfr, or where async-profiler does not load): cputime = jdk.CPUTimeSample (JDK 25+), "
                    + "execution = jdk.ExecutionSample; auto picks cputime where available", "auto"),
            new OptionSpec("jvmCpu", "true|false", "also show the JVM's CPU time outside the benchmark threads (GC, JIT, "
                    + "other) as one [JVM: ...] stack in the CPU profile, so it adds up to the process's CPU time", "false"),
            new OptionSpec("blockThreshold", "<duration>", "block profile: shortest wait recorded (park, monitor enter "
                    + "and wait), 0 to 10s, e.g. 0, 10us, 1ms", DEFAULT_THRESHOLD),
            new OptionSpec("mutexThreshold", "<duration>", "mutex profile: shortest lock wait recorded (synchronized, "
                    + "ReentrantLock, ReentrantReadWriteLock, StampedLock), 0 to 10s", DEFAULT_THRESHOLD),
            new OptionSpec("heapSamples", "<n>", "heap profile: live objects JFR's old-object sampler keeps, 1 to "
                    + MAX_HEAP_SAMPLES + " (forked JVMs only)", Integer.toString(DEFAULT_HEAP_SAMPLES)),
            new OptionSpec("engine", "auto|async|jfr", "sampler of the cpu and alloc profiles: auto = async-profiler "
                    + "where its native library loads (Linux x64/arm64, macOS), JFR otherwise; async = async-profiler "
                    + "or fail; jfr = JDK Flight Recorder, whose allocation sites come from buffer-refill sampling", "auto"),
            new OptionSpec("stacks", "benchmark|full", "benchmark = JMH's frames above the @Benchmark method (thread, "
                    + "executor, reflection, generated stubs) folded into one root frame [JMH Class::method]; "
                    + "full = keep them", "benchmark"),
            new OptionSpec("baseline", "<path>", "dir of an earlier run: print how this run compares with it at the end "
                    + "(as io.github.jmhpprof.Compare BASELINE DIR does)", "none"));

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ns|us|ms|s)");
    private static final Pattern RATE = Pattern.compile("(\\d{1,9})(/s)?");

    public static ProfilerOptions parse(String initLine) throws OptionSyntaxException {
        Map<String, String> values = InitLineParser.parse(initLine, SPECS);
        return new ProfilerOptions(
                dir(values.getOrDefault("dir", "pprof")),
                events(values.getOrDefault("events", DEFAULT_EVENTS)),
                interval(values.getOrDefault("interval", "10ms")),
                allocRate(values.getOrDefault("allocRate", "1000/s")),
                stackDepth(values.getOrDefault("stackDepth", "2048")),
                cpuSampler(values.getOrDefault("cpu", "auto")),
                bool("jvmCpu", values.getOrDefault("jvmCpu", "false")),
                threshold("blockThreshold", values.getOrDefault("blockThreshold", DEFAULT_THRESHOLD)),
                threshold("mutexThreshold", values.getOrDefault("mutexThreshold", DEFAULT_THRESHOLD)),
                heapSamples(values.getOrDefault("heapSamples", Integer.toString(DEFAULT_HEAP_SAMPLES))),
                engine(values.getOrDefault("engine", "auto")),
                fullStacks(values.getOrDefault("stacks", "benchmark")),
                baseline(values.get("baseline"), values.getOrDefault("dir", "pprof")));
    }

    private static Path baseline(String value, String dir) throws OptionSyntaxException {
        if (value == null) {
            return null;
        }
        Path baseline = dir("baseline", value);
        if (baseline.toAbsolutePath().normalize().equals(dir("dir", dir).toAbsolutePath().normalize())) {
            throw bad("baseline", value, "another folder than dir: this run replaces dir's profiles as it goes");
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

    private static Path dir(String value) throws OptionSyntaxException {
        return dir("dir", value);
    }

    private static Path dir(String option, String value) throws OptionSyntaxException {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw bad(option, value, "a file system path (" + e.getReason() + ")");
        }
    }

    private static Set<ProfileKind> events(String value) throws OptionSyntaxException {
        Set<ProfileKind> events = EnumSet.noneOf(ProfileKind.class);
        String known = ProfileKind.optionNames();
        // -1 keeps empty entries: "events=," would otherwise split into nothing and write no profile.
        for (String name : value.split(",", -1)) {
            ProfileKind kind = ProfileKind.byOptionName(name.strip()).orElse(null);
            if (kind == null) {
                throw bad("events", value, "a comma list of " + known + ", none empty");
            }
            events.add(kind);
        }
        return events;
    }

    private static Duration interval(String value) throws OptionSyntaxException {
        String form = "a duration of at least 1ms with unit ns, us, ms or s, e.g. 10ms";
        Duration d = duration(value);
        if (d == null) {
            throw bad("interval", value, form);
        }
        if (d.compareTo(Duration.ofMillis(1)) < 0 || d.compareTo(Duration.ofSeconds(10)) > 0) {
            throw bad("interval", value, form + " (JFR samples at most every 1ms) and at most 10s");
        }
        return d;
    }

    private static Duration threshold(String option, String value) throws OptionSyntaxException {
        Duration d = value.equals("0") ? Duration.ZERO : duration(value);
        if (d == null || d.compareTo(Duration.ofSeconds(10)) > 0) {
            throw bad(option, value, "0 (every wait) or a duration up to 10s with unit ns, us, ms or s, e.g. 10us");
        }
        return d;
    }

    /** {@code <number><unit>} with unit ns, us, ms or s; null when the text is not of that form. */
    private static Duration duration(String value) {
        Matcher m = DURATION.matcher(value);
        if (!m.matches()) {
            return null;
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ns" -> Duration.ofNanos(amount);
            case "us" -> Duration.ofNanos(amount * 1000);
            case "ms" -> Duration.ofMillis(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    private static int heapSamples(String value) throws OptionSyntaxException {
        String form = "a whole number of objects from 1 to " + MAX_HEAP_SAMPLES;
        try {
            int n = Integer.parseInt(value);
            if (n < 1 || n > MAX_HEAP_SAMPLES) {
                throw bad("heapSamples", value, form);
            }
            return n;
        } catch (NumberFormatException e) {
            throw bad("heapSamples", value, form);
        }
    }

    private static int allocRate(String value) throws OptionSyntaxException {
        Matcher m = RATE.matcher(value);
        if (!m.matches() || Integer.parseInt(m.group(1)) < 1) {
            throw bad("allocRate", value, "a positive rate per second, e.g. 1000/s");
        }
        return Integer.parseInt(m.group(1));
    }

    private static int stackDepth(String value) throws OptionSyntaxException {
        String form = "a whole number of frames from 64 to " + MAX_STACK_DEPTH;
        try {
            int depth = Integer.parseInt(value);
            if (depth < 64 || depth > MAX_STACK_DEPTH) {
                throw bad("stackDepth", value, form);
            }
            return depth;
        } catch (NumberFormatException e) {
            throw bad("stackDepth", value, form);
        }
    }

    private static CpuSampler cpuSampler(String value) throws OptionSyntaxException {
        for (CpuSampler sampler : CpuSampler.values()) {
            if (sampler.optionName().equals(value)) {
                return sampler;
            }
        }
        throw bad("cpu", value, "one of auto, cputime, execution");
    }

    private static Engine engine(String value) throws OptionSyntaxException {
        for (Engine engine : Engine.values()) {
            if (engine.optionName().equals(value)) {
                return engine;
            }
        }
        throw bad("engine", value, "one of auto, async, jfr");
    }

    private static boolean fullStacks(String value) throws OptionSyntaxException {
        return switch (value) {
            case "benchmark" -> false;
            case "full" -> true;
            default -> throw bad("stacks", value, "benchmark (the harness frames folded into one root) or full");
        };
    }

    private static boolean bool(String option, String value) throws OptionSyntaxException {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw bad(option, value, "true or false");
        };
    }

    private static OptionSyntaxException bad(String option, String value, String expected) {
        return new OptionSyntaxException("pprof: option '" + option + "' has a bad value '" + value + "'; expected " + expected);
    }
}
