package io.github.jmhpprof.selfbench;

import io.github.jmhpprof.testing.RawProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One benchmark's results in one run: JMH's scores, and what -prof pprof wrote. */
final class BenchResult {

    final String key;
    final double score;
    final String unit;
    final Map<String, Double> secondary;
    /** Scores of the measurement iterations, from JMH's output. */
    final List<Double> iterations = new ArrayList<>();

    PprofSummary summary;
    long folderBytes;
    RawProfile cpu;
    RawProfile alloc;

    BenchResult(String key, double score, String unit, Map<String, Double> secondary) {
        this.key = key;
        this.score = score;
        this.unit = unit;
        this.secondary = secondary;
    }

    void attach(PprofSummary summary, long folderBytes, RawProfile cpu, RawProfile alloc) {
        this.summary = summary;
        this.folderBytes = folderBytes;
        this.cpu = cpu;
        this.alloc = alloc;
    }

    double secondary(String name) {
        return secondary.getOrDefault(name, Double.NaN);
    }

    /** Time per operation (avgt, sample, ss) is higher when slower; throughput is lower. */
    boolean higherIsSlower() {
        return !unit.startsWith("ops/");
    }

    /**
     * The benchmark threads' own CPU time per operation (ThreadMXBean), recovered from the CPU profile's total and
     * its coverage (profile total ÷ thread CPU time). Time-sliced contention from other processes does not enter it.
     */
    double threadCpuNanosPerOp() {
        double coverage = secondary("pprof.cpu.coverage");
        if (cpu == null || Double.isNaN(coverage) || coverage == 0) {
            return Double.NaN;
        }
        return cpu.total("cpu") / coverage / Double.parseDouble(cpu.comment("operations"));
    }

    /** alloc_space per operation as the allocation profile states it. */
    double allocSpacePerOp() {
        if (alloc == null) {
            return Double.NaN;
        }
        double ops = Double.parseDouble(alloc.comment("operations"));
        return alloc.total("alloc_space") / ops;
    }
}
