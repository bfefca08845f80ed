package io.github.jmhpprof.jmh;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * JMH runs every {@code -prof} it is given, the same profiler twice included ({@code -prof pprof}
 * and {@code -prof io.github.jmhpprof.jmh.PprofProfiler}). Two of them writing the same benchmark's
 * files would record twice and remove each other's fork folders; so per output root and benchmark,
 * the first profiler to ask does the work and the others stand aside.
 * <p>
 * JMH hands all its profilers the same {@link BenchmarkParams} object for a benchmark, and a new one
 * in the next run: claims go by that object's identity, so a later run in the same JVM (the Runner
 * API called twice) is a new claim, not the earlier run's.
 */
final class ProfilerClaims {

    private record Claim(Path root, BenchmarkParams benchmark, Object owner) {}

    /** Recent claims; a benchmark's profilers all ask within one benchmark, so a few suffice. */
    private static final int KEPT = 64;

    private static final Deque<Claim> CLAIMS = new ArrayDeque<>();

    private ProfilerClaims() {}

    /** True when {@code profiler} is the one that writes this benchmark's files under {@code root}. */
    static synchronized boolean claim(Object profiler, Path root, BenchmarkParams benchmark) {
        Path key = root.toAbsolutePath().normalize();
        for (Claim c : CLAIMS) {
            if (c.benchmark() == benchmark && c.root().equals(key)) {
                return c.owner() == profiler;
            }
        }
        CLAIMS.addFirst(new Claim(key, benchmark, profiler));
        if (CLAIMS.size() > KEPT) {
            CLAIMS.removeLast();
        }
        return true;
    }
}
