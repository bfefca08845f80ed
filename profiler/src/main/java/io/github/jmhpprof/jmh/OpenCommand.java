package io.github.jmhpprof.jmh;

import io.github.jmhpprof.model.ProfileKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** The command that opens a profile in pprof's web UI, printed at the end of a run. */
final class OpenCommand {

    /** The order in which a benchmark's files are worth opening first. */
    private static final List<ProfileKind> PREFERRED = List.of(
            ProfileKind.CPU,
            ProfileKind.ALLOC,
            ProfileKind.BLOCK,
            ProfileKind.MUTEX,
            ProfileKind.HEAP,
            ProfileKind.THREADS);

    private static final Pattern SHELL_SAFE = Pattern.compile("[\\w./=+,:@%-]+");

    private OpenCommand() {}

    /** The text to print for the first profile found in the benchmark's folder, or "" when there is none. */
    static String forBenchmark(Path benchmarkDir) {
        for (ProfileKind kind : PREFERRED) {
            Path file = OutputLayout.profile(benchmarkDir, kind);
            if (Files.isRegularFile(file)) {
                return "Open the first profile in pprof's web UI (graph, flame graph, source; Ctrl-C ends it):\n"
                        + "  go tool pprof -http=127.0.0.1:8080 " + shellWord(shown(file)) + "\n";
            }
        }
        return "";
    }

    /** Relative to the working directory when the file is below it, as the user would type it. */
    static String shown(Path file) {
        Path here = Path.of("").toAbsolutePath();
        Path absolute = file.toAbsolutePath().normalize();
        return absolute.startsWith(here) ? here.relativize(absolute).toString() : absolute.toString();
    }

    static String shellWord(String text) {
        return SHELL_SAFE.matcher(text).matches() ? text : "'" + text.replace("'", "'\\''") + "'";
    }
}
