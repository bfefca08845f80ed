package io.github.jmhpprof.recording.jfr;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Where JFR recordings are dumped to be read: {@code <java.io.tmpdir>/jmh-pprof-<pid>/}, one folder
 * per process. Each dump is deleted once read; the folder goes at JVM exit (normal exit, Ctrl-C,
 * SIGTERM). Nothing runs after SIGKILL, so the first dump of any later process that uses jmh-pprof
 * removes the folders of processes no longer alive.
 */
public final class TempDumps {

    private static final String PREFIX = "jmh-pprof-";
    private static final Pattern OWN_FOLDER = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)");
    private static Path dir;

    private TempDumps() {}

    /** A new empty file for one dump, in this process's folder; the caller deletes it. */
    public static Path newFile() throws IOException {
        return Files.createTempFile(dir(), "dump-", ".jfr");
    }

    /** This process's folder, made on first use, when the leftovers of dead processes are removed. */
    public static synchronized Path dir() throws IOException {
        if (dir == null || !Files.isDirectory(dir)) {
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            removeLeftovers(tmp);
            Path created = Files.createDirectories(
                    tmp.resolve(PREFIX + ProcessHandle.current().pid()));
            try {
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteFolder(created), "jmh-pprof temp dumps"));
            } catch (IllegalStateException e) {
                deleteFolder(created); // the JVM is exiting: no dump now, and no folder left behind
                throw new IOException("the JVM is shutting down", e);
            }
            dir = created;
        }
        return dir;
    }

    /** Removes the {@code jmh-pprof-<pid>} folders of processes no longer alive, e.g. killed with SIGKILL. */
    public static void removeLeftovers() {
        removeLeftovers(Path.of(System.getProperty("java.io.tmpdir")));
    }

    static void removeLeftovers(Path tmp) {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(tmp, PREFIX + "*")) {
            for (Path entry : entries) {
                Matcher m = OWN_FOLDER.matcher(entry.getFileName().toString());
                if (m.matches()
                        && Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)
                        && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
                    deleteFolder(entry);
                }
            }
        } catch (IOException | RuntimeException e) {
            // a leftover that cannot go stays; this process's own dumps are unaffected
        }
    }

    /** Deletes the dumps in a folder of ours, then the folder; what cannot be deleted stays. */
    private static void deleteFolder(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                if (f.getFileName().toString().endsWith(".jfr") && Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS)) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            // left for the next process's clean-up
        }
    }
}
