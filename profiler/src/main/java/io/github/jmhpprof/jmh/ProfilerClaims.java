package io.github.jmhpprof.jmh;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * JMH runs every {@code -prof} it is given, the same profiler twice included ({@code -prof pprof}
 * and {@code -prof io.github.jmhpprof.jmh.PprofProfiler}). Two of them writing the same benchmark's
 * files would record twice and remove each other's fork folders; so per output root and benchmark,
 * the first profiler to ask does the work and the others stand aside.
 */
final class ProfilerClaims {

    private static final Map<String, Object> OWNERS = new HashMap<>();

    private ProfilerClaims() {
    }

    /** True when {@code profiler} is the one that writes this benchmark's files under {@code root}. */
    static synchronized boolean claim(Object profiler, Path root, String benchmarkId) {
        return OWNERS.computeIfAbsent(root.toAbsolutePath().normalize() + "\n" + benchmarkId, k -> profiler) == profiler;
    }
}
