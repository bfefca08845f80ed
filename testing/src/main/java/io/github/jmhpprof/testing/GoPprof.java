package io.github.jmhpprof.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the real {@code go tool pprof}, so tests check our files against the tool users will
 * open them with rather than against our own reading of the format.
 *
 * <p>When Go is missing this throws instead of skipping: a test that silently skips would let
 * a broken profile pass.
 */
public final class GoPprof {

    static final String NOT_FOUND =
            "go tool pprof not found: install golang-go (apt-get install -y golang-go) or run ./setup.sh";

    private static final List<Path> EXTRA_GO_DIRS = List.of(Path.of("/usr/lib/go/bin"), Path.of("/usr/local/go/bin"));

    private static final long DEFAULT_TIMEOUT_SECONDS = 60;

    /** What one pprof run printed. */
    public record Result(int exitCode, String stdout, String stderr) {

        /**
         * Fails unless pprof exited 0 and wrote nothing to stderr (pprof reports format problems
         * as warnings there while still exiting 0). Returns stdout.
         */
        public String assertNoStderr() {
            if (exitCode != 0 || !stderr.isEmpty()) {
                throw new AssertionError("go tool pprof: exit code " + exitCode + ", want 0 and no stderr"
                        + "\n--- stderr:\n" + stderr + "\n--- stdout:\n" + stdout);
            }
            return stdout;
        }
    }

    private GoPprof() {}

    /**
     * Runs {@code go tool pprof <args...> <url>}, fetching the profile over HTTP. pprof saves each
     * fetched profile under {@code PPROF_TMPDIR} (here a temporary directory, deleted afterwards)
     * and says so on stderr, with the URL it fetched: those two lines of a successful fetch are
     * taken out of the result's stderr, so that {@link Result#assertNoStderr()} sees the rest.
     */
    public static Result fetch(List<String> args, String url) {
        try {
            Path saved = Files.createTempDirectory("pprof-fetched");
            try {
                List<String> all = new ArrayList<>(args);
                all.add(url);
                Result result = run(DEFAULT_TIMEOUT_SECONDS, all, Map.of("PPROF_TMPDIR", saved.toString()));
                String fetching = "Fetching profile over HTTP from " + url + "\n";
                String savedIn = "Saved profile in " + saved;
                StringBuilder rest = new StringBuilder();
                for (String line : result.stderr().split("(?<=\n)")) {
                    if (!line.equals(fetching)
                            && !(line.startsWith(savedIn) && line.indexOf('\n') == line.length() - 1)) {
                        rest.append(line);
                    }
                }
                return new Result(result.exitCode(), result.stdout(), rest.toString());
            } finally {
                try (Stream<Path> files = Files.walk(saved)) {
                    files.sorted(java.util.Comparator.reverseOrder())
                            .forEach(f -> f.toFile().delete());
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not fetch " + url + " with go tool pprof", e);
        }
    }

    /** Runs {@code go tool pprof <args...> <files...>} with a 60 s timeout. */
    public static Result run(List<String> args, Path... files) {
        return run(DEFAULT_TIMEOUT_SECONDS, args, files);
    }

    /** Runs {@code go tool pprof <args...> <files...>}; fails if it takes longer than the timeout. */
    public static Result run(long timeoutSeconds, List<String> args, Path... files) {
        List<String> all = new ArrayList<>(args);
        for (Path file : files) {
            all.add(file.toString());
        }
        return run(timeoutSeconds, all, Map.of());
    }

    private static Result run(long timeoutSeconds, List<String> args, Map<String, String> environment) {
        List<String> command = new ArrayList<>();
        command.add(goBinary().toString());
        command.add("tool");
        command.add("pprof");
        command.addAll(args);
        try {
            // Files, not pipes: nothing to drain concurrently, so a chatty pprof cannot block.
            Path out = Files.createTempFile("pprof-stdout", ".txt");
            Path err = Files.createTempFile("pprof-stderr", ".txt");
            try {
                ProcessBuilder builder =
                        new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
                // Fixed zone: -raw and -top print the profile time in the local zone.
                builder.environment().put("TZ", "UTC");
                builder.environment().putAll(environment);
                Process process = builder.start();
                // Without an output option pprof would wait for interactive commands; give it EOF.
                process.getOutputStream().close();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                    throw new AssertionError(
                            "go tool pprof did not finish in " + timeoutSeconds + " s: " + String.join(" ", command));
                }
                return new Result(
                        process.exitValue(),
                        Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running go tool pprof", e);
        }
    }

    /** The {@code go} command: from PATH, else from the usual install directories. */
    public static Path goBinary() {
        return findGo().orElseThrow(() -> new AssertionError(NOT_FOUND));
    }

    static Optional<Path> findGo() {
        String pathVariable = Optional.ofNullable(System.getenv("PATH")).orElse("");
        Stream<Path> onPath = Stream.of(pathVariable.split(java.io.File.pathSeparator))
                .filter(dir -> !dir.isEmpty())
                .map(Path::of);
        return Stream.concat(onPath, EXTRA_GO_DIRS.stream())
                .map(dir -> dir.resolve("go"))
                .filter(Files::isExecutable)
                .findFirst();
    }
}
