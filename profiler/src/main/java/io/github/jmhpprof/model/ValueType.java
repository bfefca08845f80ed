package io.github.jmhpprof.model;

/** A pprof value type such as {@code cpu/nanoseconds}. */
public record ValueType(String type, String unit) {

    @Override
    public String toString() {
        return type + "/" + unit;
    }
}
