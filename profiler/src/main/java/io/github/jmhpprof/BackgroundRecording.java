package io.github.jmhpprof;

import io.github.jmhpprof.contention.ContentionSamples;
import io.github.jmhpprof.heap.ClassHistogram;
import io.github.jmhpprof.heap.HeapGrowth;
import io.github.jmhpprof.heap.LiveHeapProfile;
import io.github.jmhpprof.heap.LiveObjectSamples;
import io.github.jmhpprof.model.Labels;
import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.model.ProfileKind;
import io.github.jmhpprof.recording.MeasurementWindows;
import io.github.jmhpprof.recording.RecordingPlan;
import io.github.jmhpprof.recording.SamplerText;
import io.github.jmhpprof.recording.Samples;
import io.github.jmhpprof.recording.jfr.EventSource;
import io.github.jmhpprof.recording.jfr.JfrEventReader;
import io.github.jmhpprof.recording.jfr.JfrRecording;
import io.github.jmhpprof.recording.jfr.TempDumps;
import io.github.jmhpprof.threads.ThreadActivity;
import io.github.jmhpprof.threads.ThreadSelector;
import io.github.jmhpprof.threads.ThreadSnapshot;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;

/**
 * The JFR recording behind {@link Pprof}'s allocs, heap, block and mutex profiles: started once,
 * running until stopped. Its events are streamed as JFR flushes them (about once a second) into
 * collectors that add up samples per stack, so a profile is made from what they hold: its cost in
 * time and memory grows with the number of distinct stacks, never with the time since the start or
 * the number of profiles made before. JFR keeps at most {@link #KEPT_ON_DISK} of the stream in its
 * disk repository. Exact allocated bytes come from per-thread counters taken at the start and now,
 * as the JMH profiler takes them at the edges of its iterations.
 */
final class BackgroundRecording implements AutoCloseable {

    /** How much of the stream JFR keeps in its disk repository once delivered: it is read only once. */
    static final Duration KEPT_ON_DISK = Duration.ofSeconds(30);

    static final long KEPT_ON_DISK_BYTES = 16L << 20;

    /** All but the JVM's own threads and {@link PprofServer}'s request threads. */
    private static final ThreadSelector ALL = ThreadSelector.allBut(PprofServer.THREAD_PREFIX);
    /** What runs in the background; the old-object sampler keeps its queue only while a recording asks for it. */
    private static final RecordingPlan PLAN = RecordingPlan.of(
                    ProfileKind.ALLOC, ProfileKind.BLOCK, ProfileKind.MUTEX, ProfileKind.HEAP)
            .withAllocSamplesPerSecond(Pprof.ALLOC_SAMPLES_PER_SECOND)
            .withBlockThreshold(Pprof.WAIT_THRESHOLD)
            .withMutexThreshold(Pprof.WAIT_THRESHOLD);
    /** What the stream is collected for: not the old objects, which the heap profile gets its own way. */
    private static final RecordingPlan RATES =
            PLAN.only(EnumSet.of(ProfileKind.ALLOC, ProfileKind.BLOCK, ProfileKind.MUTEX));
    /** A short recording whose stop emits the sampler's live objects, and nothing older. */
    private static final RecordingPlan LIVE = PLAN.only(EnumSet.of(ProfileKind.HEAP));

    private final RecordingStream stream;
    private final Instant start;
    private final ThreadSnapshot before;
    /** Live objects per class at the start, which the heap profile's totals grow from. */
    private final HeapGrowth heapSinceStart;
    /** The samples since the start, added up per stack; guarded by {@code this}. */
    private final Samples soFar;

    private final JfrEventReader reader;
    private final Object heapLock = new Object();

    private BackgroundRecording() {
        ThreadSnapshot.checkSupported();
        JfrRecording.checkAvailable();
        TempDumps.removeLeftovers();
        heapSinceStart = HeapGrowth.startNow();
        before = ThreadSnapshot.take(ALL);
        start = Instant.now();
        MeasurementWindows fromStart = new MeasurementWindows();
        fromStart.open(start);
        fromStart.close(Instant.MAX);
        soFar = Samples.forPlan(RATES);
        reader = new JfrEventReader(EventSource.jfr(RATES), fromStart, ALL, soFar);
        stream = new RecordingStream();
        JfrRecording.enable(PLAN, stream::enable);
        stream.setMaxAge(KEPT_ON_DISK);
        stream.setMaxSize(KEPT_ON_DISK_BYTES);
        stream.onEvent(this::collect);
        stream.startAsync();
    }

    static BackgroundRecording start() {
        return new BackgroundRecording();
    }

    private synchronized void collect(RecordedEvent event) {
        reader.accept(event);
    }

    @Override
    public void close() {
        stream.close();
    }

    synchronized ProfileData allocs() {
        Instant end = Instant.now();
        ThreadActivity exact = new ThreadActivity();
        exact.addIteration(before, ThreadSnapshot.take(ALL));
        Samples.Allocations allocations = soFar.allocations(exact, Labels.NONE);
        ProfileData profile = allocations.profile();
        describe(
                profile,
                start,
                end,
                SamplerText.jfrAlloc(Pprof.ALLOC_SAMPLES_PER_SECOND, allocations)
                        + "; threads that ended before now are missing from the exact bytes; samples as of JFR's last "
                        + "flush, about a second ago");
        return profile;
    }

    synchronized ProfileData block() {
        return contention(soFar.block(), SamplerText.BLOCK_EVENTS, Instant.now());
    }

    synchronized ProfileData mutex() {
        return contention(soFar.mutex(), SamplerText.MUTEX_EVENTS, Instant.now());
    }

    /**
     * As Go's heap profile with {@code gc=1}: a full GC first, so only objects still reachable
     * count. Exact totals per class are what grew since the recording started.
     */
    ProfileData heap() throws IOException {
        // One at a time: each takes a full GC and a short recording; more at once would only queue in the GC.
        synchronized (heapLock) {
            return liveHeap();
        }
    }

    private ProfileData liveHeap() throws IOException {
        ClassHistogram growth = heapSinceStart.afterFullGc();
        Instant end = Instant.now();
        Path jfr = null;
        try (JfrRecording oldObjects = JfrRecording.start(LIVE)) {
            jfr = oldObjects.stopAndDump();
            LiveObjectSamples heap = JfrEventReader.read(jfr, LIVE, new MeasurementWindows(), ALL)
                    .heap();
            LiveHeapProfile live = LiveHeapProfile.of(heap, growth, Labels.NONE);
            ProfileData profile = live.profile();
            String sites = SamplerText.heapSites(
                    "", heap.objectCount(), "allocated since " + start + " and still alive after a full GC");
            describe(profile, start, end, live.samplerText(sites, start.toString(), heapSinceStart.whyNone()));
            return profile;
        } finally {
            JfrRecording.deleteDump(jfr);
        }
    }

    private ProfileData contention(ContentionSamples samples, String events, Instant end) {
        ProfileData profile = samples.toProfile(Labels.NONE);
        describe(
                profile,
                start,
                end,
                SamplerText.contention(samples, events, "since " + start)
                        + "; as of JFR's last flush, about a second ago");
        return profile;
    }

    /** The comments and time every {@link Pprof} profile carries. */
    static void describe(ProfileData profile, Instant start, Instant end, String sampler) {
        profile.setTime(
                start.getEpochSecond() * 1_000_000_000L + start.getNano(),
                Duration.between(start, end).toNanos());
        SamplerText.comment(profile, sampler);
        profile.addComment("from: " + start + " to " + end);
    }
}
