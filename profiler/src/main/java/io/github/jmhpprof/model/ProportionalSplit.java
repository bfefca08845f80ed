package io.github.jmhpprof.model;

/**
 * Splits a total in proportion to parts given one by one, rounding the running sum rather than each
 * share, so that the shares add up to the total exactly and small parts that plain rounding would
 * round to zero still get their share in aggregate.
 */
public final class ProportionalSplit {

    private final double scale;
    private long partsSoFar;
    private long sharedSoFar;

    /** @param parts the sum of all parts that {@link #next} will be given */
    public ProportionalSplit(long total, long parts) {
        this.scale = (double) total / parts;
    }

    /** The share of the next part. */
    public long next(long part) {
        partsSoFar += part;
        long upToHere = Math.round(partsSoFar * scale);
        long share = upToHere - sharedSoFar;
        sharedSoFar = upToHere;
        return share;
    }
}
