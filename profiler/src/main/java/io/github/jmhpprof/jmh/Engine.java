package io.github.jmhpprof.jmh;

/** Which sampler records the CPU and allocation profiles; in the order the option's help lists them. */
public enum Engine {
    /** {@code async} when its jar is on the class path and its library loads here, {@code jfr} otherwise. */
    AUTO("auto"),
    /** async-profiler, from its jar on the class path: CPU-time samples that include native and VM code. */
    ASYNC("async"),
    /** JDK Flight Recorder: no native code. */
    JFR("jfr");

    private final String optionName;

    Engine(String optionName) {
        this.optionName = optionName;
    }

    public String optionName() {
        return optionName;
    }
}
