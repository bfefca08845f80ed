package io.github.jmhpprof.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jmhpprof.testing.GoPprof;
import io.github.jmhpprof.testing.RawProfile;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The opt-in profiles of issue 6 (block, mutex, heap, threads) on their sample benchmarks, in
 * real JMH forks of the shaded jar, read by the real {@code go tool pprof}. One run writes every
 * kind for all four benchmarks; a second, longer run of the leak shows its thread count growing.
 */
class ContentionHeapThreadsProfileIT {

    private static final String PKG = BenchmarksJar.PKG;
    private static final List<String> KINDS = List.of("block", "mutex", "heap", "threads");
    private static final List<String> BENCHMARKS = List.of(
            "ContentionBenchmark.monitor",
            "ContentionBenchmark.reentrantLock",
            "HandoffBenchmark.handoff",
            "ThreadLeakBenchmark.leaky",
            "ThreadLeakBenchmark.fixed",
            "RetentionBenchmark.retain");
    private static final String EVENTS = "pprof:events=cpu,alloc,block,mutex,heap,threads";

    private static BenchmarksJar.Run run;
    private static BenchmarksJar.Run longerLeak;

    @BeforeAll
    static void runTheSampleBenchmarks() throws Exception {
        run = BenchmarksJar.run(
                BenchmarksJar.newWorkDir("contention"),
                600,
                List.of(
                        "(Contention|Handoff|ThreadLeak|Retention)Benchmark",
                        "-f",
                        "1",
                        "-wi",
                        "1",
                        "-w",
                        "500ms",
                        "-i",
                        "2",
                        "-r",
                        "500ms",
                        "-prof",
                        EVENTS));
        assertEquals(0, run.exitCode(), run.output());
        longerLeak = BenchmarksJar.run(
                BenchmarksJar.newWorkDir("leak-longer"),
                300,
                List.of(
                        "ThreadLeakBenchmark.leaky",
                        "-f",
                        "1",
                        "-wi",
                        "1",
                        "-w",
                        "500ms",
                        "-i",
                        "4",
                        "-r",
                        "500ms",
                        "-prof",
                        "pprof:events=threads"));
        assertEquals(0, longerLeak.exitCode(), longerLeak.output());
    }

    @Test
    void everyNewProfileIsReadCleanlyWithGoSampleTypesAndLabels() {
        for (String benchmark : BENCHMARKS) {
            for (String kind : KINDS) {
                Path file = run.profile(benchmark, kind + ".pb.gz");
                GoPprof.run(List.of("-top"), file).assertNoStderr();
                RawProfile raw = RawProfile.of(file);
                List<String> types = switch (kind) {
                    case "block", "mutex" -> List.of("contentions/count", "delay/nanoseconds");
                    case "heap" -> List.of("inuse_objects/count", "inuse_space/bytes");
                    default -> List.of("threads/count");
                };
                assertEquals(types, raw.sampleTypes(), benchmark + " " + kind);
                assertTrue(
                        Long.parseLong(raw.comment("operations")) > 0, benchmark + " " + kind + " counts operations");
                for (RawProfile.Sample s : raw.samples()) {
                    assertEquals(PKG + benchmark, s.labels().get("benchmark"), kind + " " + s.labels());
                    assertTrue(s.labels().containsKey("thread"), kind + " " + s.labels());
                }
            }
        }
        String header = GoPprof.run(List.of("-raw"), run.profile("HandoffBenchmark.handoff", "block.pb.gz"))
                .assertNoStderr();
        assertTrue(header.contains("PeriodType: contentions count") && header.contains("Period: 1"), header);
    }

    @Test
    void mutexDelayOfContentionBenchmarkGoesThroughTheContendedMethod() {
        assertMostDelayThrough("ContentionBenchmark.monitor", "ContentionBenchmark.updateSynchronized");
        assertMostDelayThrough("ContentionBenchmark.reentrantLock", "ContentionBenchmark.updateLocked");
    }

    @Test
    void blockProfileOfHandoffShowsTheTakeAndPutStacks() {
        RawProfile block = RawProfile.of(run.profile("HandoffBenchmark.handoff", "block.pb.gz"));
        long take =
                delayThrough(block, "java.util.concurrent.ArrayBlockingQueue.take", PKG + "HandoffBenchmark.consumer");
        long put =
                delayThrough(block, "java.util.concurrent.ArrayBlockingQueue.put", PKG + "HandoffBenchmark.producer");
        assertTrue(take > 0 && put > 0, "take " + take + " ns, put " + put + " ns");
        // Of the benchmark's own waits, not JMH's: under load the workers also wait at JMH's
        // iteration barrier, which is harness time and no part of the handoff.
        long benchmarkDelay = delayThrough(block, PKG + "HandoffBenchmark.consumer")
                + delayThrough(block, PKG + "HandoffBenchmark.producer");
        assertTrue(
                take + put >= 0.9 * benchmarkDelay,
                "take and put hold the benchmark's delay: " + (take + put) + " of " + benchmarkDelay + " (all threads: "
                        + block.total("delay") + ")");
        String top = GoPprof.run(List.of("-top", "-cum"), run.profile("HandoffBenchmark.handoff", "block.pb.gz"))
                .assertNoStderr();
        assertTrue(top.contains("ArrayBlockingQueue.take") && top.contains("ArrayBlockingQueue.put"), top);
    }

    @Test
    void threadsProfileShowsTheLeakGrowingWithOperationsAndNotTheFix() {
        long shortLeak = leakedThreads(run, "ThreadLeakBenchmark.leaky");
        long shortOps = operations(run, "ThreadLeakBenchmark.leaky");
        long longLeak = leakedThreads(longerLeak, "ThreadLeakBenchmark.leaky");
        long longOps = operations(longerLeak, "ThreadLeakBenchmark.leaky");
        // Every measured call leaks a thread, and so did the warmup's calls.
        assertTrue(shortLeak >= shortOps, "2 iterations: " + shortLeak + " blocked threads for " + shortOps + " calls");
        assertTrue(longLeak >= longOps, "4 iterations: " + longLeak + " blocked threads for " + longOps + " calls");
        assertTrue(
                longOps > shortOps && longLeak - shortLeak >= 0.5 * (longOps - shortOps),
                "twice the measurement, more leaked threads: " + shortLeak + " -> " + longLeak + " for " + shortOps
                        + " -> " + longOps + " calls");

        assertEquals(0, leakedThreads(run, "ThreadLeakBenchmark.fixed"), "the fix leaves no thread blocked in put");
        RawProfile fixed = RawProfile.of(run.profile("ThreadLeakBenchmark.fixed", "threads.pb.gz"));
        long working = threadsThrough(fixed, "ThreadLeakBenchmark.slowLookup");
        assertTrue(working < 100, "only lookups still in their 20 ms of work: " + working);
    }

    /**
     * The cache holds exactly 8,192 records of 4 KB when the measurement ends; the class histogram
     * makes that total exact, and JFR's sampled live objects say where they came from. How many of
     * the records the sampler kept varies (on JDK 25 often none); the bytes it cannot place show
     * under their own frame and are not lost.
     */
    @Test
    void heapProfileHasTheCachedRecordsLiveAndNotTheScratchBuffers() {
        RawProfile heap = RawProfile.of(run.profile("RetentionBenchmark.retain", "heap.pb.gz"));
        int space = heap.indexOf("inuse_space");
        long liveArrays = 0;
        long cachedOrUnplaced = 0;
        for (RawProfile.Sample s : heap.samples()) {
            List<String> functions = heap.functions(s);
            assertTrue(!functions.contains(PKG + "RetentionBenchmark.scratch"), "scratch buffers are garbage: " + s);
            if ("byte[]".equals(s.labels().get("object"))) {
                liveArrays += s.values()[space];
                if (functions.contains(PKG + "RetentionBenchmark.cacheRecord")
                        || functions.equals(List.of("[byte[]: allocation site not sampled]"))) {
                    cachedOrUnplaced += s.values()[space];
                }
            }
        }
        // The cache keeps the first 8,192 records; a loaded machine may run fewer calls than that,
        // and the measured calls alone are a lower bound of how many were cached.
        long cachedRecords = Math.min(8192, operations(run, "RetentionBenchmark.retain"));
        long records = cachedRecords * 4096;
        assertTrue(
                liveArrays >= records,
                "at least " + cachedRecords + " cached records of 4 KB are live: " + liveArrays + " bytes of byte[]");
        assertTrue(
                cachedOrUnplaced >= 0.9 * records,
                "the records are put where they were allocated or nowhere: " + cachedOrUnplaced + " of " + liveArrays
                        + " bytes of byte[]");
        String top = GoPprof.run(
                        List.of("-top", "-sample_index=inuse_space"),
                        run.profile("RetentionBenchmark.retain", "heap.pb.gz"))
                .assertNoStderr();
        assertTrue(
                top.contains("RetentionBenchmark.cacheRecord") || top.contains("[byte[]: allocation site not sampled]"),
                top);
    }

    /** cpu, alloc, block, mutex, heap and threads: each table of the summary agrees with go tool pprof -top. */
    @Test
    void theSummaryTopRowsAreThoseOfPprofTop() {
        SummaryTables.assertAgreeWithPprof(run.output(), run.workDir(), 2 * BENCHMARKS.size());
        SummaryTables.assertAgreeWithPprof(longerLeak.output(), longerLeak.workDir(), 1);
    }

    @Test
    void jmhOutputSummarisesEachNewProfile() {
        String out = run.output();
        assertTrue(out.contains("mutex.pb.gz: ") && out.contains("top 10 by delay:"), out);
        assertTrue(
                out.contains("heap.pb.gz: ")
                        && out.contains(" live objects, ")
                        && out.contains("live objects per class from GC.class_histogram, exact"),
                out);
        assertTrue(
                out.contains("threads.pb.gz: ") && out.contains("live threads after the last measurement iteration"),
                out);
    }

    private static void assertMostDelayThrough(String benchmark, String method) {
        RawProfile mutex = RawProfile.of(run.profile(benchmark, "mutex.pb.gz"));
        long total = mutex.total("delay");
        long through = delayThrough(mutex, PKG + method);
        assertTrue(total > 0, benchmark + " has mutex delay");
        assertTrue(
                through >= 0.9 * total,
                String.format(
                        "%s: %.1f%% of %d ns of delay through %s, want >= 90%%",
                        benchmark, 100.0 * through / total, total, method));
    }

    /** Delay of the samples whose stack holds all the functions. */
    private static long delayThrough(RawProfile p, String... functions) {
        int delay = p.indexOf("delay");
        return p.samples().stream()
                .filter(s -> p.functions(s).containsAll(List.of(functions)))
                .mapToLong(s -> s.values()[delay])
                .sum();
    }

    /** Threads blocked for ever in the leaky lookup's put. */
    private static long leakedThreads(BenchmarksJar.Run r, String benchmark) {
        return threadsThrough(
                RawProfile.of(r.profile(benchmark, "threads.pb.gz")),
                "java.util.concurrent.SynchronousQueue.put",
                "ThreadLeakBenchmark.slowLookup");
    }

    private static long threadsThrough(RawProfile p, String... functions) {
        return p.samples().stream()
                .filter(s -> List.of(functions).stream()
                        .allMatch(f -> p.functions(s).stream().anyMatch(n -> n.endsWith(f))))
                .mapToLong(s -> s.values()[0])
                .sum();
    }

    private static long operations(BenchmarksJar.Run r, String benchmark) {
        return Long.parseLong(
                RawProfile.of(r.profile(benchmark, "threads.pb.gz")).comment("operations"));
    }
}
