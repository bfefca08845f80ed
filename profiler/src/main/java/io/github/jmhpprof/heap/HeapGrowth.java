package io.github.jmhpprof.heap;

/**
 * What grew on the heap between a start and a full GC at the end, per class: the class histogram
 * taken at both. Where the JVM has no histogram, the end still gets its full GC, and
 * {@link #whyNone()} says what went wrong for the profile's comment.
 */
public final class HeapGrowth {

    private final ClassHistogram before;
    private String whyNone;

    private HeapGrowth(ClassHistogram before, String whyNone) {
        this.before = before;
        this.whyNone = whyNone;
    }

    /** Takes the start's histogram now: a full GC and a walk of the heap. */
    public static HeapGrowth startNow() {
        try {
            return new HeapGrowth(ClassHistogram.take(), "");
        } catch (IllegalStateException e) {
            return new HeapGrowth(null, e.getMessage());
        }
    }

    /**
     * A full GC, as Go's heap profile has before it is written, so that only reachable objects
     * count and JFR's old-object sampler drops the rest; then what grew since the start. The
     * histogram's own collection is that GC, so there is no second one.
     *
     * @return the classes that grew, or null where no histogram could be taken
     */
    public ClassHistogram afterFullGc() {
        if (before != null) {
            try {
                return ClassHistogram.take().growthSince(before);
            } catch (IllegalStateException e) {
                whyNone = e.getMessage();
            }
        }
        System.gc();
        return null;
    }

    /** Why {@link #afterFullGc()} has no growth; empty when it has. */
    public String whyNone() {
        return whyNone;
    }
}
