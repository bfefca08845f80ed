package io.github.jmhpprof.model;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The profiles a run can write, one file each, named after {@link #fileStem()}. */
public enum ProfileKind {
    CPU("cpu", true),
    ALLOC("alloc", true),
    /** Time spent waiting: parking (locks, queues, conditions) and monitors, as Go's block profile. */
    BLOCK("block", true),
    /** Time spent waiting for a lock: {@code synchronized} and j.u.c. locks, as Go's mutex profile. */
    MUTEX("mutex", true),
    /** Live objects at the end of the measurement, as the inuse columns of Go's heap profile. */
    HEAP("heap", false),
    /** Stacks of all live threads at the end of the measurement, as Go's goroutine profile. */
    THREADS("threads", false);

    private final String optionName;
    private final boolean perOperation;

    ProfileKind(String optionName, boolean perOperation) {
        this.optionName = optionName;
        this.perOperation = perOperation;
    }

    /** Whether a per-operation copy ({@code <kind>-per-op.pb.gz}) makes sense: rates do, snapshots do not. */
    public boolean perOperation() {
        return perOperation;
    }

    public String optionName() {
        return optionName;
    }

    public String fileStem() {
        return optionName;
    }

    /** Every kind's option name, comma-separated, in declaration order: "cpu, alloc, ...". */
    public static String optionNames() {
        return Arrays.stream(values()).map(ProfileKind::optionName).collect(Collectors.joining(", "));
    }

    public static Optional<ProfileKind> byOptionName(String name) {
        return Arrays.stream(values()).filter(k -> k.optionName.equals(name)).findFirst();
    }
}
