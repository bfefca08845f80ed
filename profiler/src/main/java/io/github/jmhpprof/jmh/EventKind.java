package io.github.jmhpprof.jmh;

import java.util.Arrays;
import java.util.Optional;

/** The profiles a run can write, one file each, named after {@link #fileStem()}. */
public enum EventKind {
    CPU("cpu", true),
    ALLOC("alloc", true);

    /** Names a later version will accept; asked for now, they get a clear "not yet" rather than "unknown". */
    static final String PLANNED = "block, mutex, heap, threads";

    private final String optionName;
    private final boolean perOperation;

    EventKind(String optionName, boolean perOperation) {
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

    static Optional<EventKind> byOptionName(String name) {
        return Arrays.stream(values()).filter(k -> k.optionName.equals(name)).findFirst();
    }
}
