package io.github.jmhpprof.benchmarks;

import io.github.jmhpprof.testing.GoPprof;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code go tool pprof -http=127.0.0.1: -no_browser [flags] FILE}, as a user starts it. pprof picks
 * a free port itself and prints the address, which this reads. {@link #close()} stops pprof and
 * the tool process under {@code go}, within a few seconds.
 */
final class PprofWebServer implements AutoCloseable {

    private static final Pattern SERVING = Pattern.compile("Serving web UI on (http://127\\.0\\.0\\.1:\\d+)");
    private static final long START_TIMEOUT_MS = 30_000;

    private final Process process;
    private final Path log;
    private final String url;

    private PprofWebServer(Process process, Path log, String url) {
        this.process = process;
        this.log = log;
        this.url = url;
    }

    /** Starts the server and waits until it says where it listens. */
    static PprofWebServer start(Path profile, List<String> flags, Path logFile)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of(GoPprof.goBinary().toString(), "tool", "pprof", "-http=127.0.0.1:", "-no_browser"));
        command.addAll(flags);
        command.add(profile.toString());
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile())
                .start();
        process.getOutputStream().close();
        long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
        boolean started = false;
        try {
            while (System.currentTimeMillis() < deadline) {
                Matcher m = SERVING.matcher(Files.readString(logFile, StandardCharsets.UTF_8));
                if (m.find()) {
                    started = true;
                    return new PprofWebServer(process, logFile, m.group(1));
                }
                if (!process.isAlive()) {
                    throw new AssertionError("pprof -http exited with " + process.exitValue() + ": " + command + "\n"
                            + Files.readString(logFile, StandardCharsets.UTF_8));
                }
                Thread.sleep(100);
            }
            throw new AssertionError("pprof -http did not start in " + START_TIMEOUT_MS + " ms: " + command + "\n"
                    + Files.readString(logFile, StandardCharsets.UTF_8));
        } finally {
            if (!started) {
                ProcessTree.stop(process);
            }
        }
    }

    /** The server's root, e.g. {@code http://127.0.0.1:40211}. */
    String url() {
        return url;
    }

    /** What pprof printed so far, stdout and stderr merged. */
    String output() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        ProcessTree.stop(process);
    }
}
