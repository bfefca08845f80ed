package io.github.jmhpprof.jmh;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A JMH run in a JVM of its own ({@code java -cp <the tests' class path> org.openjdk.jmh.Main ...}),
 * for tests that stop or kill the host, or run two hosts at once.
 */
final class JmhHost implements AutoCloseable {

    private final Process process;
    private final Path log;
    /** The forks, remembered before the host goes: they are no longer its descendants after. */
    private final List<ProcessHandle> forks = new ArrayList<>();

    private JmhHost(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code benchmark} with the pprof profiler writing to {@code dir}: one fork, one warmup
     * iteration of 300 ms, then {@code iterations} measurement iterations of {@code iterationMillis}.
     */
    static JmhHost start(String benchmark, Path dir, int iterations, int iterationMillis) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djmh.ignoreLock=true",
                "-cp",
                System.getProperty("java.class.path"),
                "org.openjdk.jmh.Main",
                benchmark,
                "-f",
                "1",
                "-wi",
                "1",
                "-w",
                "300ms",
                "-i",
                Integer.toString(iterations),
                "-r",
                iterationMillis + "ms",
                "-prof",
                PprofProfiler.class.getName() + ":dir=" + dir + ";events=cpu,alloc"));
        Path log = Files.createTempFile(dir.getParent(), "host-", ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        process.getOutputStream().close();
        return new JmhHost(process, log);
    }

    long pid() {
        return process.pid();
    }

    String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** Waits until the host has printed {@code text}; fails if it exits or the time runs out first. */
    void awaitOutput(String text, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!output().contains(text)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the JMH host never printed \"" + text + "\":\n" + output());
            }
            Thread.sleep(50);
        }
    }

    /** Waits for the host to exit and returns its exit code. */
    int awaitExit(Duration timeout) throws IOException, InterruptedException {
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            close();
            throw new AssertionError("the JMH host did not end in " + timeout + ":\n" + output());
        }
        return process.exitValue();
    }

    /** SIGTERM to the host alone, as Ctrl-C would: its shutdown hooks run. */
    void interrupt() {
        forks.addAll(process.descendants().toList());
        process.destroy();
    }

    /** SIGKILL to the host and its forks: nothing of theirs runs after. */
    void kill() throws InterruptedException {
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.addAll(forks);
        all.add(process.toHandle());
        for (ProcessHandle p : all) {
            p.destroyForcibly();
        }
        for (ProcessHandle p : all) {
            p.onExit().join();
        }
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
