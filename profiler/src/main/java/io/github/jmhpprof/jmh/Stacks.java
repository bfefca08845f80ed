package io.github.jmhpprof.jmh;

/** What the profiles keep of JMH's own frames above the {@code @Benchmark} method. */
public enum Stacks {
    /** Folded into one root frame, {@code [JMH Class::method]}, as Go's benchmark profiles start near the benchmark. */
    BENCHMARK("benchmark"),
    /** Kept: the thread, the executor, reflection and JMH's generated stubs. */
    FULL("full");

    private final String optionName;

    Stacks(String optionName) {
        this.optionName = optionName;
    }

    public String optionName() {
        return optionName;
    }
}
