package io.github.jmhpprof.jmh;

import io.github.jmhpprof.files.AtomicFiles;

import java.io.IOException;
import java.io.Reader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

/**
 * The figures of one fork that the pprof files do not carry, handed from the fork to the host in a
 * small properties file beside the fork's profiles: exact counters, sample counts and how the
 * recording went. Several forks add up.
 *
 * @param operations        benchmark operations in the measurement iterations
 * @param allocatedBytes    exact bytes the benchmark threads allocated (ThreadMXBean)
 * @param threadCpuNanos    CPU time of the benchmark threads (ThreadMXBean)
 * @param processCpuNanos   CPU time of the whole JVM process over the same iterations
 * @param cpuProfileNanos   CPU time the CPU profile accounts for
 * @param cpuSamples        CPU samples kept
 * @param lostCpuSamples    CPU samples the JVM reported lost
 * @param allocSamples      allocation samples kept
 * @param liveHeapBytes     heap in use after the full GC that ends the measurement (heap profile only)
 * @param conversionMillis  time from the end of the last iteration to the files being written
 * @param bytesWritten      size of the profile files written
 * @param cpuSampler        the CPU sampler, as said in the profile comments
 * @param failure           why there are no profiles, or empty
 * @param score             JMH's primary score summed over the measurement iterations
 * @param scoreIterations   how many iterations that sum covers
 * @param scoreUnit         the score's unit
 * @param note              what the reader should know, e.g. that the benchmark failed midway, or empty
 * @param bytesPerOpSum     the exact bytes per operation of each measurement iteration, summed
 * @param bytesPerOpIterations how many iterations that sum covers (those with operations)
 */
record ForkReport(long operations, long allocatedBytes, long threadCpuNanos, long processCpuNanos,
                  long cpuProfileNanos, long cpuSamples, long lostCpuSamples, long allocSamples,
                  long liveHeapBytes, long conversionMillis, long bytesWritten, String cpuSampler, String failure,
                  double score, long scoreIterations, String scoreUnit, String note,
                  double bytesPerOpSum, long bytesPerOpIterations) {

    static ForkReport failed(long operations, long allocatedBytes, String failure, Score score, Score bytesPerOp) {
        return new ForkReport(operations, allocatedBytes, 0, 0, 0, 0, 0, 0, 0, 0, 0, "", failure,
                score.sum(), score.iterations(), score.unit(), "", bytesPerOp.sum(), bytesPerOp.iterations());
    }

    /**
     * Exact B/op as JMH reports {@code pprof.alloc.norm} and {@code -prof gc} its
     * {@code gc.alloc.rate.norm}: the mean of the iterations' figures, every iteration weighing
     * the same. Total bytes ÷ total operations would weigh fast iterations more, and differ.
     */
    double bytesPerOp() {
        return bytesPerOpIterations == 0 ? Double.NaN : bytesPerOpSum / bytesPerOpIterations;
    }

    /** JMH's primary score of the measurement iterations, as a sum to average later. */
    record Score(double sum, long iterations, String unit) {
        Score add(double score, String unit) {
            return new Score(sum + score, iterations + 1, unit);
        }
    }

    /** The mean score over the iterations, as JMH reports it for average-time and throughput modes. */
    double meanScore() {
        return scoreIterations == 0 ? Double.NaN : score / scoreIterations;
    }

    boolean hasFailed() {
        return !failure.isEmpty();
    }

    /** CPU time in the profile ÷ CPU time of the benchmark threads; NaN when there was no CPU time. */
    double coverage() {
        return threadCpuNanos > 0 ? (double) cpuProfileNanos / threadCpuNanos : Double.NaN;
    }

    static ForkReport sum(List<ForkReport> forks) {
        ForkReport s = forks.get(0);
        for (ForkReport f : forks.subList(1, forks.size())) {
            s = new ForkReport(s.operations + f.operations, s.allocatedBytes + f.allocatedBytes,
                    s.threadCpuNanos + f.threadCpuNanos, s.processCpuNanos + f.processCpuNanos,
                    s.cpuProfileNanos + f.cpuProfileNanos, s.cpuSamples + f.cpuSamples,
                    s.lostCpuSamples + f.lostCpuSamples, s.allocSamples + f.allocSamples,
                    s.liveHeapBytes + f.liveHeapBytes, Math.max(s.conversionMillis, f.conversionMillis),
                    s.bytesWritten + f.bytesWritten, s.cpuSampler, s.hasFailed() ? s.failure : f.failure,
                    s.score + f.score, s.scoreIterations + f.scoreIterations, s.scoreUnit,
                    s.note.isEmpty() ? f.note : f.note.isEmpty() ? s.note : s.note + "; " + f.note,
                    s.bytesPerOpSum + f.bytesPerOpSum, s.bytesPerOpIterations + f.bytesPerOpIterations);
        }
        return s;
    }

    void write(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty("operations", Long.toString(operations));
        p.setProperty("allocatedBytes", Long.toString(allocatedBytes));
        p.setProperty("threadCpuNanos", Long.toString(threadCpuNanos));
        p.setProperty("processCpuNanos", Long.toString(processCpuNanos));
        p.setProperty("cpuProfileNanos", Long.toString(cpuProfileNanos));
        p.setProperty("cpuSamples", Long.toString(cpuSamples));
        p.setProperty("lostCpuSamples", Long.toString(lostCpuSamples));
        p.setProperty("allocSamples", Long.toString(allocSamples));
        p.setProperty("liveHeapBytes", Long.toString(liveHeapBytes));
        p.setProperty("conversionMillis", Long.toString(conversionMillis));
        p.setProperty("bytesWritten", Long.toString(bytesWritten));
        p.setProperty("cpuSampler", cpuSampler);
        p.setProperty("failure", failure);
        p.setProperty("score", Double.toString(score));
        p.setProperty("scoreIterations", Long.toString(scoreIterations));
        p.setProperty("scoreUnit", scoreUnit);
        p.setProperty("note", note);
        p.setProperty("bytesPerOpSum", Double.toString(bytesPerOpSum));
        p.setProperty("bytesPerOpIterations", Long.toString(bytesPerOpIterations));
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            p.store(w, "jmh-pprof fork report");
            w.flush();
        });
    }

    static ForkReport read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return new ForkReport(num(p, "operations"), num(p, "allocatedBytes"), num(p, "threadCpuNanos"),
                num(p, "processCpuNanos"), num(p, "cpuProfileNanos"), num(p, "cpuSamples"), num(p, "lostCpuSamples"),
                num(p, "allocSamples"), num(p, "liveHeapBytes"), num(p, "conversionMillis"), num(p, "bytesWritten"),
                p.getProperty("cpuSampler", ""), p.getProperty("failure", ""),
                Double.parseDouble(p.getProperty("score", "NaN")), num(p, "scoreIterations"), p.getProperty("scoreUnit", ""),
                p.getProperty("note", ""), Double.parseDouble(p.getProperty("bytesPerOpSum", "0")),
                num(p, "bytesPerOpIterations"));
    }

    private static long num(Properties p, String key) {
        return Long.parseLong(p.getProperty(key, "0"));
    }
}
