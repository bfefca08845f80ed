package io.github.jmhpprof.heap;

import io.github.jmhpprof.model.Frame;
import io.github.jmhpprof.model.Labels;
import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.model.ProportionalSplit;
import io.github.jmhpprof.model.Stack;
import io.github.jmhpprof.model.ValueType;
import io.github.jmhpprof.report.Quantity;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The heap profile, with the inuse types of Go's heap profile: {@code inuse_objects/count} and
 * {@code inuse_space/bytes} (the default, as the last type), period type {@code space/bytes}.
 * <p>
 * JFR's old-object sampler tells where some live objects were allocated, but it keeps a bounded
 * set whose make-up no fixed rate explains, and on JDK 25 it often keeps none of the objects a
 * benchmark allocated early and holds for good. The class histogram tells exactly how much of each
 * class is live, but not where it came from. So {@link #of} gives each class its exact growth
 * since the recording started and spreads it over that class's sampled allocation sites in
 * proportion to their sampled objects and bytes; a class that grew without a sampled site shows as
 * one frame that says so, rather than vanishing.
 */
public final class LiveHeapProfile {

    /** The {@code thread} label of live objects whose allocation no sample saw. */
    public static final String UNKNOWN_THREAD = "[not sampled]";

    private final ProfileData profile;
    /** Null where no class histogram was at hand, and the values are the sampled objects as they are. */
    private final ClassHistogram growth;

    private final long estimatedSizes;
    private long bytesWithoutSite;
    private int classesWithoutSite;

    private LiveHeapProfile(ClassHistogram growth, long estimatedSizes) {
        this.growth = growth;
        this.estimatedSizes = estimatedSizes;
        // The period is 0: neither source has a fixed sampling rate.
        profile = new ProfileData(
                List.of(new ValueType("inuse_objects", "count"), new ValueType("inuse_space", "bytes")),
                new ValueType("space", "bytes"),
                0,
                null);
    }

    /**
     * Exact live growth per class, spread over the sampled sites of the class; without a class
     * histogram, the sampled objects as they are.
     *
     * @param growth the classes that grew ({@link HeapGrowth#afterFullGc()}), or null
     */
    public static LiveHeapProfile of(LiveObjectSamples samples, ClassHistogram growth, Labels labels) {
        LiveHeapProfile heap = new LiveHeapProfile(growth, samples.estimatedSizes());
        if (growth == null) {
            samples.entries().forEach(e -> heap.add(e, labels, e.objects(), e.bytes()));
            return heap;
        }
        Map<String, List<LiveObjectSamples.Entry>> sites = samples.entries().stream()
                .collect(
                        Collectors.groupingBy(LiveObjectSamples.Entry::objectClass, TreeMap::new, Collectors.toList()));
        TreeSet<String> classes = new TreeSet<>(sites.keySet());
        classes.addAll(growth.classes().keySet());
        for (String objectClass : classes) {
            heap.addClass(objectClass, sites.getOrDefault(objectClass, List.of()), growth.get(objectClass), labels);
        }
        return heap;
    }

    private void addClass(
            String objectClass, List<LiveObjectSamples.Entry> sites, ClassHistogram.Live live, Labels labels) {
        if (sites.isEmpty()) {
            Stack unsampled = Stack.of(Frame.synthetic("[" + objectClass + ": allocation site not sampled]"));
            profile.add(
                    unsampled,
                    labels.with("thread", UNKNOWN_THREAD).with("object", objectClass),
                    live.objects(),
                    live.bytes());
            bytesWithoutSite += live.bytes();
            classesWithoutSite++;
            return;
        }
        long sampledObjects =
                sites.stream().mapToLong(LiveObjectSamples.Entry::objects).sum();
        long sampledBytes =
                sites.stream().mapToLong(LiveObjectSamples.Entry::bytes).sum();
        // The sampled objects are live for certain; a class that grew less (it also lost objects)
        // keeps them as they are.
        ProportionalSplit objects = new ProportionalSplit(Math.max(live.objects(), sampledObjects), sampledObjects);
        // Sizes can be unknown (0) where they are estimated; then the objects weigh the bytes too.
        boolean bySize = sampledBytes > 0;
        ProportionalSplit bytes =
                new ProportionalSplit(Math.max(live.bytes(), sampledBytes), bySize ? sampledBytes : sampledObjects);
        for (LiveObjectSamples.Entry site : sites) {
            add(site, labels, objects.next(site.objects()), bytes.next(bySize ? site.bytes() : site.objects()));
        }
    }

    private void add(LiveObjectSamples.Entry site, Labels labels, long objects, long bytes) {
        profile.add(
                site.stack(), labels.with("thread", site.thread()).with("object", site.objectClass()), objects, bytes);
    }

    /**
     * The profile's sampler comment: where the totals and the sites come from.
     *
     * @param sites     what the sampled objects are, e.g. "jdk.OldObjectSample (queue of 256): 53 sampled objects ..."
     * @param since     when the start's histogram was taken, e.g. "the first warmup iteration"
     * @param whyNone   why there is no histogram, when there is none ({@link HeapGrowth#whyNone()})
     */
    public String samplerText(String sites, String since, String whyNone) {
        String sampled = sites
                + (estimatedSizes > 0 ? ", sizes estimated from class layouts (JFR reports none before JDK 25)" : "");
        if (growth == null) {
            return sampled + "; values are those sampled objects, not totals: " + whyNone;
        }
        return "live objects per class from GC.class_histogram, exact: what grew from " + since
                + " to after a full GC at "
                + "the end, " + Quantity.format(growth.bytes(), "bytes") + " in "
                + growth.classes().size() + " classes; "
                + "each class spread over its sampled allocation sites, and "
                + Quantity.format(bytesWithoutSite, "bytes") + " in " + classesWithoutSite
                + " classes with no sampled site shown as [<class>: allocation site not sampled]; sites from "
                + sampled;
    }

    public ProfileData profile() {
        return profile;
    }

    /** Live bytes of classes that grew with no sampled allocation site. */
    public long bytesWithoutSite() {
        return bytesWithoutSite;
    }

    public int classesWithoutSite() {
        return classesWithoutSite;
    }
}
