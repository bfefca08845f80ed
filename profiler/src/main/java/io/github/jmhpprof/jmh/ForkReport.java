package io.github.jmhpprof.jmh;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The figures of one fork that the pprof files do not carry, handed from the fork to the host in a
 * small properties file beside the fork's profiles ({@link RecordCodec} writes and reads every
 * component): exact counters, sample counts and how the recording went. Several forks add up,
 * each part by its own {@code plus}.
 *
 * @param work       what the benchmark threads did, counted exactly
 * @param cpu        the CPU profile's figures
 * @param memory     the allocation and heap profiles' figures
 * @param output     the writing of the files
 * @param score      JMH's primary score of the measurement iterations
 * @param bytesPerOp the exact bytes per operation of each measurement iteration
 * @param outcome    why there are no profiles, and what the reader should know
 */
record ForkReport(Work work, Cpu cpu, Memory memory, Output output, Score score, Score bytesPerOp, Outcome outcome) {

    /**
     * @param operations      benchmark operations in the measurement iterations
     * @param allocatedBytes  exact bytes the benchmark threads allocated (ThreadMXBean)
     * @param threadCpuNanos  CPU time of the benchmark threads (ThreadMXBean)
     * @param processCpuNanos CPU time of the whole JVM process over the same iterations
     */
    record Work(long operations, long allocatedBytes, long threadCpuNanos, long processCpuNanos) {
        Work plus(Work o) {
            return new Work(
                    operations + o.operations,
                    allocatedBytes + o.allocatedBytes,
                    threadCpuNanos + o.threadCpuNanos,
                    processCpuNanos + o.processCpuNanos);
        }
    }

    /**
     * @param profileNanos CPU time the CPU profile accounts for
     * @param samples      CPU samples kept
     * @param lostSamples  CPU samples the JVM reported lost
     * @param sampler      the CPU sampler, as said in the profile comments (the first fork's)
     */
    record Cpu(long profileNanos, long samples, long lostSamples, String sampler) {
        static final Cpu NONE = new Cpu(0, 0, 0, "");

        Cpu plus(Cpu o) {
            return new Cpu(profileNanos + o.profileNanos, samples + o.samples, lostSamples + o.lostSamples, sampler);
        }
    }

    /**
     * @param allocSamples  allocation samples kept
     * @param plannedAllocSamples the samples async-profiler's interval was chosen for; 0 where none was planned
     * @param allocSampler  the allocation sampler, as said in the profile comments (the first fork's that has one)
     * @param liveHeapBytes heap in use after the full GC that ends the measurement (heap profile only)
     */
    record Memory(long allocSamples, long plannedAllocSamples, String allocSampler, long liveHeapBytes) {
        static final Memory NONE = new Memory(0, 0, "", 0);

        Memory plus(Memory o) {
            return new Memory(
                    allocSamples + o.allocSamples,
                    plannedAllocSamples + o.plannedAllocSamples,
                    allocSampler.isEmpty() ? o.allocSampler : allocSampler,
                    liveHeapBytes + o.liveHeapBytes);
        }
    }

    /**
     * @param conversionMillis time from the end of the last iteration to the files being written (the slowest fork's)
     * @param bytesWritten     size of the profile files written
     */
    record Output(long conversionMillis, long bytesWritten) {
        static final Output NONE = new Output(0, 0);

        Output plus(Output o) {
            return new Output(Math.max(conversionMillis, o.conversionMillis), bytesWritten + o.bytesWritten);
        }
    }

    /** A figure of each measurement iteration, summed to average later. */
    record Score(double sum, long iterations, String unit) {
        Score add(double score, String unit) {
            return new Score(sum + score, iterations + 1, unit);
        }

        Score plus(Score o) {
            return new Score(sum + o.sum, iterations + o.iterations, unit);
        }

        /** The mean over the iterations; NaN when there were none. */
        double mean() {
            return iterations == 0 ? Double.NaN : sum / iterations;
        }
    }

    /**
     * @param failure why there are no profiles, or empty (the first failed fork's)
     * @param note    what the reader should know, e.g. that the benchmark failed midway, or empty
     */
    record Outcome(String failure, String note) {
        Outcome plus(Outcome o) {
            return new Outcome(failure.isEmpty() ? o.failure : failure, Notes.join(note, o.note));
        }
    }

    static ForkReport failed(Work work, String failure, Score score, Score bytesPerOp) {
        return new ForkReport(work, Cpu.NONE, Memory.NONE, Output.NONE, score, bytesPerOp, new Outcome(failure, ""));
    }

    ForkReport plus(ForkReport o) {
        return new ForkReport(
                work.plus(o.work),
                cpu.plus(o.cpu),
                memory.plus(o.memory),
                output.plus(o.output),
                score.plus(o.score),
                bytesPerOp.plus(o.bytesPerOp),
                outcome.plus(o.outcome));
    }

    static ForkReport sum(List<ForkReport> forks) {
        return forks.stream().reduce(ForkReport::plus).orElseThrow();
    }

    long operations() {
        return work.operations();
    }

    /**
     * Exact B/op as JMH reports {@code pprof.alloc.norm} and {@code -prof gc} its
     * {@code gc.alloc.rate.norm}: the mean of the iterations' figures, every iteration weighing
     * the same. Total bytes ÷ total operations would weigh fast iterations more, and differ.
     */
    double meanBytesPerOp() {
        return bytesPerOp.mean();
    }

    /** The mean score over the iterations, as JMH reports it for average-time and throughput modes. */
    double meanScore() {
        return score.mean();
    }

    boolean hasFailed() {
        return !outcome.failure().isEmpty();
    }

    String failure() {
        return outcome.failure();
    }

    String note() {
        return outcome.note();
    }

    /** CPU time in the profile ÷ CPU time of the benchmark threads; NaN when there was no CPU time. */
    double coverage() {
        return work.threadCpuNanos() > 0 ? (double) cpu.profileNanos() / work.threadCpuNanos() : Double.NaN;
    }

    void write(Path file) throws IOException {
        RecordCodec.write(this, file, "jmh-pprof fork report");
    }

    static ForkReport read(Path file) throws IOException {
        return RecordCodec.read(file, ForkReport.class);
    }
}
