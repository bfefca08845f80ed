package io.github.jmhpprof.jmh;

/** Which JFR event the CPU profile is built from. */
public enum CpuSampler {
    /** {@code cputime} where the JDK has it, {@code execution} elsewhere. */
    AUTO("auto"),
    /** {@code jdk.CPUTimeSample} (JDK 25+, Linux): samples by CPU time, also in native code, like Go's SIGPROF. */
    CPUTIME("cputime"),
    /** {@code jdk.ExecutionSample}: samples by wall clock, only threads running Java code at that moment. */
    EXECUTION("execution");

    private final String optionName;

    CpuSampler(String optionName) {
        this.optionName = optionName;
    }

    public String optionName() {
        return optionName;
    }
}
