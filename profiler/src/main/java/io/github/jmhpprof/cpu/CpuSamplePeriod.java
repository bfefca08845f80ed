package io.github.jmhpprof.cpu;

import io.github.jmhpprof.report.Quantity;
import java.time.Duration;

/**
 * The CPU time one sample stands for: the period asked for, unless the kernel could not keep it.
 * A CPU-time timer (async-profiler's ctimer and itimer, JFR's jdk.CPUTimeSample) is checked by
 * Linux once per scheduler tick (CONFIG_HZ: 4 ms at 250 Hz, 10 ms at 100 Hz). Asked for a shorter
 * period, it fires once a tick, and the periods it skipped are not in the JFR file either engine
 * writes (async-profiler counts them, from {@code si_overrun}, only in its own output formats).
 * Measured on this machine with {@code interval=1ms}: one sample every 4 ms, so a profile weighted
 * by the period asked for held a quarter of the CPU time. There, each sample stands for what the
 * benchmark threads' exact CPU time divided by their samples says.
 *
 * @param asked     the sampling period asked for
 * @param perSample the CPU time each sample stands for
 */
public record CpuSamplePeriod(Duration asked, Duration perSample) {

    /** The longest tick of a Linux kernel (CONFIG_HZ=100): from this period on, a timer keeps its period. */
    static final Duration LONGEST_TICK = Duration.ofMillis(10);

    /** Fewer samples than this measure the period too coarsely to replace the one asked for. */
    static final long MIN_SAMPLES = 100;

    /**
     * Samples this much further apart than asked mean skipped periods. Where the period holds,
     * the benchmark threads' samples cover 0.93–1.00 of their CPU time (CI runs of 2026-12-01).
     */
    static final double SKIPPED = 1.2;

    /**
     * @param asked          the period asked for
     * @param tickTimer      whether the samples come from a CPU-time timer the kernel checks once per tick
     * @param threadCpuNanos the benchmark threads' CPU time over the measurement (ThreadMXBean)
     * @param samples        the benchmark threads' samples over the same time, lost ones included
     */
    public static CpuSamplePeriod of(Duration asked, boolean tickTimer, long threadCpuNanos, long samples) {
        if (!tickTimer || asked.compareTo(LONGEST_TICK) >= 0 || samples < MIN_SAMPLES) {
            return new CpuSamplePeriod(asked, asked);
        }
        long measured = threadCpuNanos / samples;
        if (measured < SKIPPED * asked.toNanos()) {
            return new CpuSamplePeriod(asked, asked);
        }
        return new CpuSamplePeriod(asked, Duration.ofNanos(measured));
    }

    /** Whether each sample stands for the period asked for. */
    public boolean kept() {
        return perSample.equals(asked);
    }

    /** What the sampler comment adds when the period was not kept, else empty. */
    public String note() {
        if (kept()) {
            return "";
        }
        String each = Quantity.format(perSample.toNanos(), "nanoseconds");
        return "; the kernel fired this timer once per scheduler tick, every " + each + " of CPU time on average"
                + " instead of every " + Quantity.format(asked.toNanos(), "nanoseconds")
                + ", so each sample counts " + each
                + " (the benchmark threads' CPU time ÷ their samples); for the period asked, use interval=10ms"
                + " or a multiple of the kernel's tick";
    }
}
