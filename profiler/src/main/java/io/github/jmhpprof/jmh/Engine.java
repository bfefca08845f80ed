package io.github.jmhpprof.jmh;

/** Which sampler records the CPU and allocation profiles. */
public enum Engine {
    /** JDK Flight Recorder: no native code. */
    JFR("jfr"),
    /** async-profiler, from its jar on the class path: CPU-time samples that include native and VM code. */
    ASYNC("async"),
    /** {@code async} when its jar is on the class path and its library loads here, {@code jfr} otherwise. */
    AUTO("auto");

    private final String optionName;

    Engine(String optionName) {
        this.optionName = optionName;
    }

    public String optionName() {
        return optionName;
    }
}
