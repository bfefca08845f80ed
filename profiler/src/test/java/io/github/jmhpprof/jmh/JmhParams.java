package io.github.jmhpprof.jmh;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.WorkloadParams;
import org.openjdk.jmh.runner.options.TimeValue;

/** BenchmarkParams as JMH makes them, for tests of code that only reads them (no fork). */
final class JmhParams {

    private JmhParams() {}

    static BenchmarkParams of(String benchmark) {
        IterationParams iteration = new IterationParams(IterationType.MEASUREMENT, 1, TimeValue.seconds(1), 1);
        return new BenchmarkParams(
                benchmark,
                benchmark + "_jmhTest",
                false,
                1,
                new int[] {1},
                List.of(),
                1,
                0,
                iteration,
                iteration,
                Mode.AverageTime,
                new WorkloadParams(),
                TimeUnit.MICROSECONDS,
                1,
                "java",
                List.of(),
                "17",
                "OpenJDK",
                "17",
                "1.37",
                TimeValue.minutes(10));
    }
}
