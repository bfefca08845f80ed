package io.github.jmhpprof.benchmarks;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Control;

/**
 * A producer and a consumer handing items over a small {@link ArrayBlockingQueue}: each waits for
 * the other in {@link BlockingQueue#put} or {@link BlockingQueue#take}, which the block profile
 * shows: {@code -prof pprof:events=block}.
 * <p>
 * Once JMH ends the measurement, the two threads stop at different moments, and a {@code put}
 * into a full queue or a {@code take} from an empty one would then wait for ever. So after
 * {@link Control#stopMeasurement} both use the timed {@code offer} and {@code poll}, which give up.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(
        value = 1,
        jvmArgsPrepend = {"-Xms1g", "-Xmx1g", "-XX:G1HeapRegionSize=4m"}) // see package-info.java
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
public class HandoffBenchmark {

    @Param("4")
    int capacity;

    private BlockingQueue<Long> queue;
    private long next;

    @Setup
    public void createQueue() {
        queue = new ArrayBlockingQueue<>(capacity);
    }

    @Benchmark
    @Group("handoff")
    @GroupThreads(1)
    public void producer(Control control) throws InterruptedException {
        Long item = next++;
        if (control.stopMeasurement) {
            queue.offer(item, 1, TimeUnit.MILLISECONDS);
        } else {
            queue.put(item);
        }
    }

    @Benchmark
    @Group("handoff")
    @GroupThreads(1)
    public Long consumer(Control control) throws InterruptedException {
        return control.stopMeasurement ? queue.poll(1, TimeUnit.MILLISECONDS) : queue.take();
    }
}
