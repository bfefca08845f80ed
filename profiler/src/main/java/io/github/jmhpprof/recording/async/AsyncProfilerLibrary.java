package io.github.jmhpprof.recording.async;

import java.lang.reflect.InvocationTargetException;
import java.util.Optional;

/**
 * Whether async-profiler can run in this JVM: its jar ({@code tools.profiler:async-profiler}) on
 * the class path, and its native library loadable on this OS and architecture. The profiler
 * artifact declares the jar optional, so a JMH user who does not want native code never gets it.
 */
public final class AsyncProfilerLibrary {

    /** The entry point of async-profiler's Java API. */
    public static final String API_CLASS = "one.profiler.AsyncProfiler";
    /** The version this plugin is built and tested with (the root pom's {@code async-profiler.version}). */
    static final String TESTED_VERSION = "4.1";

    private AsyncProfilerLibrary() {}

    /** Empty when async-profiler loads here; otherwise why not, and what to do about it. */
    public static Optional<String> unavailableReason() {
        return unavailableReason(API_CLASS, AsyncProfilerLibrary.class.getClassLoader());
    }

    /**
     * Loads {@code apiClass} and its native library (the first {@code getInstance()} extracts the
     * library from the jar and loads it).
     */
    static Optional<String> unavailableReason(String apiClass, ClassLoader loader) {
        Class<?> api;
        try {
            api = Class.forName(apiClass, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.of("engine=async needs async-profiler, and its class " + apiClass
                    + " is not on the class path. Add the dependency tools.profiler:async-profiler to the benchmark "
                    + "project (Maven: <dependency><groupId>tools.profiler</groupId><artifactId>async-profiler</artifactId>"
                    + "<version>" + TESTED_VERSION + "</version></dependency>; Gradle: "
                    + "'tools.profiler:async-profiler:" + TESTED_VERSION
                    + "'), so that it is in the benchmark jar or on "
                    + "the class path of the JVMs JMH forks; or use engine=jfr or engine=auto");
        }
        try {
            api.getMethod("getInstance").invoke(null);
            return Optional.empty();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UnsatisfiedLinkError
                    || cause instanceof IllegalStateException
                    || cause instanceof SecurityException) {
                return Optional.of(platformProblem(cause));
            }
            throw new IllegalStateException("async-profiler failed to load", cause);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return Optional.of("engine=async: " + apiClass + " on the class path has no public static getInstance(); "
                    + "use tools.profiler:async-profiler " + TESTED_VERSION + " or newer 4.x");
        } catch (UnsatisfiedLinkError e) {
            return Optional.of(platformProblem(e));
        }
    }

    private static String platformProblem(Throwable cause) {
        return "engine=async: async-profiler is on the class path, but its native library does not load on "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + " (" + cause.getMessage()
                + "); its jar carries libraries for Linux x64 and arm64 and for macOS only. Use engine=jfr, or "
                + "engine=auto to fall back to JFR where async-profiler does not load";
    }
}
