package io.github.jmhpprof.jmh;

import java.util.Arrays;
import java.util.Optional;

/** The profiles a run can write, one file each, named after {@link #fileStem()}. */
public enum EventKind {
    CPU("cpu"),
    ALLOC("alloc");

    /** Names a later version will accept; asked for now, they get a clear "not yet" rather than "unknown". */
    static final String PLANNED = "block, mutex, heap, threads";

    private final String optionName;

    EventKind(String optionName) {
        this.optionName = optionName;
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
