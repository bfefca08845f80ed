package io.github.jmhpprof.benchmarks;

import java.util.Locale;

/** Whether async-profiler's jar carries a native library for this machine, so the default engine is async-profiler. */
final class AsyncProfilerPlatform {

    private AsyncProfilerPlatform() {}

    static boolean shipsALibraryHere() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch");
        return os.contains("mac") || os.contains("linux") && (arch.equals("amd64") || arch.equals("aarch64"));
    }
}
