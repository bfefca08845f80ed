package io.github.jmhpprof;

import io.github.jmhpprof.contention.ContentionSamples;
import io.github.jmhpprof.engine.RecordedSamples;
import io.github.jmhpprof.heap.ClassHistogram;
import io.github.jmhpprof.heap.HeapGrowth;
import io.github.jmhpprof.heap.LiveHeapProfile;
import io.github.jmhpprof.heap.LiveObjectSamples;
import io.github.jmhpprof.jfr.JfrRecording;
import io.github.jmhpprof.jfr.MeasurementWindows;
import io.github.jmhpprof.jfr.RecordingPlan;
import io.github.jmhpprof.model.Labels;
import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.threads.ThreadActivity;
import io.github.jmhpprof.threads.ThreadSelector;
import io.github.jmhpprof.threads.ThreadSnapshot;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The JFR recording behind {@link Pprof}'s allocs, heap, block and mutex profiles: started once,
 * running until the JVM exits. Each profile reads what it holds so far (a dump of the running
 * recording), from its start to now; exact allocated bytes come from per-thread counters taken at
 * its start and now, as the JMH profiler takes them at the edges of its iterations.
 */
final class BackgroundRecording implements AutoCloseable {

    private static final ThreadSelector ALL = ThreadSelector.allButSystem();
    /** What runs in the background; the old-object sampler keeps its queue only while a recording asks for it. */
    private static final RecordingPlan PLAN = new RecordingPlan(false, false, Pprof.CPU_INTERVAL,
            true, Pprof.ALLOC_SAMPLES_PER_SECOND, true, Pprof.WAIT_THRESHOLD, true, Pprof.WAIT_THRESHOLD, true);
    /** What a dump of it is read for: not the old objects, which each dump emits anew. */
    private static final RecordingPlan RATES = new RecordingPlan(false, false, Pprof.CPU_INTERVAL,
            true, Pprof.ALLOC_SAMPLES_PER_SECOND, true, Pprof.WAIT_THRESHOLD, true, Pprof.WAIT_THRESHOLD, false);
    /** A short recording whose stop emits the sampler's live objects, and nothing older. */
    private static final RecordingPlan LIVE = new RecordingPlan(false, false, Pprof.CPU_INTERVAL,
            false, 0, false, Pprof.WAIT_THRESHOLD, false, Pprof.WAIT_THRESHOLD, true);

    private final JfrRecording recording;
    private final Instant start;
    private final ThreadSnapshot before;
    /** Live objects per class at the start, which the heap profile's totals grow from. */
    private final HeapGrowth heapSinceStart;

    private BackgroundRecording() {
        ThreadSnapshot.checkSupported();
        heapSinceStart = HeapGrowth.startNow();
        before = ThreadSnapshot.take(ALL);
        start = Instant.now();
        recording = JfrRecording.start(PLAN);
    }

    static BackgroundRecording start() {
        return new BackgroundRecording();
    }

    @Override
    public synchronized void close() {
        recording.close();
    }

    ProfileData allocs() throws IOException {
        Instant end = Instant.now();
        ThreadActivity exact = new ThreadActivity();
        exact.addIteration(before, ThreadSnapshot.take(ALL));
        RecordedSamples.Allocations allocations = readSoFar(end).allocations(exact, Labels.NONE);
        ProfileData profile = allocations.profile();
        describe(profile, start, end, RecordedSamples.allocSamplerText(Pprof.ALLOC_SAMPLES_PER_SECOND, allocations)
                + "; threads that ended before now are missing from the exact bytes");
        return profile;
    }

    ProfileData block() throws IOException {
        Instant end = Instant.now();
        ContentionSamples block = readSoFar(end).block();
        return contention(block, RecordedSamples.BLOCK_EVENTS, end);
    }

    ProfileData mutex() throws IOException {
        Instant end = Instant.now();
        ContentionSamples mutex = readSoFar(end).mutex();
        return contention(mutex, RecordedSamples.MUTEX_EVENTS, end);
    }

    /**
     * As Go's heap profile with {@code gc=1}: a full GC first, so only objects still reachable
     * count. Exact totals per class are what grew since the recording started.
     */
    ProfileData heap() throws IOException {
        ClassHistogram growth = heapSinceStart.afterFullGc();
        Instant end = Instant.now();
        Path jfr = null;
        try (JfrRecording oldObjects = JfrRecording.start(LIVE)) {
            jfr = oldObjects.stopAndDump();
            LiveObjectSamples heap = RecordedSamples.read(jfr, LIVE, new MeasurementWindows(), ALL).heap();
            LiveHeapProfile live = LiveHeapProfile.of(heap, growth, Labels.NONE);
            ProfileData profile = live.profile();
            describe(profile, start, end, live.samplerText("jdk.OldObjectSample: " + heap.objectCount()
                    + " sampled objects allocated since " + start + " and still alive after a full GC", start.toString(),
                    heapSinceStart.whyNone()));
            return profile;
        } finally {
            JfrRecording.deleteDump(jfr);
        }
    }

    private ProfileData contention(ContentionSamples samples, String events, Instant end) {
        ProfileData profile = samples.toProfile(Labels.NONE);
        describe(profile, start, end, RecordedSamples.contentionSamplerText(samples, events, "since " + start));
        return profile;
    }

    private synchronized RecordedSamples readSoFar(Instant end) throws IOException {
        MeasurementWindows windows = new MeasurementWindows();
        windows.open(start);
        windows.close(end);
        Path jfr = recording.dumpSoFar();
        try {
            return RecordedSamples.read(jfr, RATES, windows, ALL);
        } finally {
            JfrRecording.deleteDump(jfr);
        }
    }

    /** The comments and time every {@link Pprof} profile carries. */
    static void describe(ProfileData profile, Instant start, Instant end, String sampler) {
        profile.setTime(start.getEpochSecond() * 1_000_000_000L + start.getNano(),
                java.time.Duration.between(start, end).toNanos());
        profile.addComment("jdk: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        profile.addComment("sampler: " + sampler);
        profile.addComment("from: " + start + " to " + end);
    }
}
