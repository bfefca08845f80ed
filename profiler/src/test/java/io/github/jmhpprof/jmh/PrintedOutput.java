package io.github.jmhpprof.jmh;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/**
 * What a JMH run in this JVM printed to System.out, where the profiler prints its summary (not a
 * JMH result, which would add a NaN row to JMH's table). The console still sees everything.
 */
final class PrintedOutput {

    record Captured<T>(T value, String printed) {}

    private PrintedOutput() {}

    static <T> Captured<T> during(Callable<T> run) throws Exception {
        PrintStream console = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new Tee(console, printed), true, StandardCharsets.UTF_8));
        try {
            T value = run.call();
            return new Captured<>(value, printed.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(console);
        }
    }

    /** Writes to two streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] bytes, int off, int len) throws IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }

        @Override
        public void flush() throws IOException {
            a.flush();
            b.flush();
        }
    }
}
