package io.github.jmhpprof.report;

/**
 * One benchmark × params in the comparison report. Figures are per operation; NaN where the
 * profile kind was not recorded.
 *
 * @param benchmark      benchmark method name
 * @param params         {@code key=value, ...} or empty
 * @param score          JMH's primary score, averaged over iterations and forks
 * @param scoreUnit      its unit, e.g. {@code us/op}
 * @param bytesPerOp     exact allocated bytes per operation (ThreadMXBean)
 * @param allocsPerOp    estimated allocated objects per operation
 * @param cpuNanosPerOp  CPU time per operation that the CPU profile accounts for
 * @param coverage       CPU profile time ÷ benchmark threads' CPU time
 * @param topAllocSite   function with the most flat alloc_space, with its share
 * @param topCpuFunction function with the most flat CPU, with its share
 * @param note           why figures are missing or partial, or empty
 * @param folder         the benchmark's folder under the output root, where its profiles are
 */
public record ComparisonRow(
        String benchmark,
        String params,
        double score,
        String scoreUnit,
        double bytesPerOp,
        double allocsPerOp,
        double cpuNanosPerOp,
        double coverage,
        String topAllocSite,
        String topCpuFunction,
        String note,
        String folder) {}
