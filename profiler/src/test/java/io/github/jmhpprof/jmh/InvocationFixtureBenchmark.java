package io.github.jmhpprof.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Known bytes per operation, most of them in Level.Invocation fixtures: the state's set-up
 * allocates a {@code byte[7168]} (7,184 bytes), the benchmark a {@code byte[1024]} (1,040 bytes),
 * the tear-down nothing. So 87.4 % of the bytes are fixture bytes. Fields keep every array
 * reachable past its allocation, so escape analysis removes none.
 */
@State(Scope.Thread)
public class InvocationFixtureBenchmark {

    static final int INPUT_LENGTH = 7168;
    static final int OUTPUT_LENGTH = 1024;

    @State(Scope.Thread)
    public static class Input {
        byte[] data;

        @Setup(Level.Invocation)
        public void fill() {
            data = new byte[INPUT_LENGTH];
            data[INPUT_LENGTH - 1] = 7;
        }

        /** Per trial: not a fixture that runs inside the measurement. */
        @Setup(Level.Trial)
        public void prepare() {
            data = new byte[1];
        }
    }

    private byte[] out;

    @Benchmark
    public byte[] copy(Input input) {
        out = new byte[OUTPUT_LENGTH];
        out[0] = input.data[INPUT_LENGTH - 1];
        return out;
    }

    @TearDown(Level.Invocation)
    public void check() {
        if (out[0] != 7) {
            throw new IllegalStateException("the set-up did not run before the operation");
        }
    }
}
