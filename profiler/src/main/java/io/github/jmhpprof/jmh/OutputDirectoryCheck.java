package io.github.jmhpprof.jmh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that the output root can really be written, by writing: it creates the missing folders,
 * writes and deletes a probe file, and removes the folders it created, leaving the disk as it
 * was. Permission bits are not enough: root passes every check on them, and still cannot write to
 * {@code /proc} or a read-only mount. This runs in the host before the first benchmark, so a bad
 * {@code dir} fails in a second, not after an hour of benchmarking.
 */
final class OutputDirectoryCheck {

    private static final String PROBE = ".jmh-pprof-write-probe";

    private OutputDirectoryCheck() {}

    static void check(Path dir) throws OptionSyntaxException {
        Path absolute = dir.toAbsolutePath().normalize();
        if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
            throw new OptionSyntaxException("pprof: option 'dir' names " + absolute
                    + ", which is a file, not a directory; give a directory path with dir=<path>");
        }
        List<Path> created = new ArrayList<>();
        try {
            Path missing = absolute;
            while (missing != null && !Files.exists(missing)) {
                created.add(0, missing);
                missing = missing.getParent();
            }
            for (Path folder : created) {
                Files.createDirectory(folder);
            }
            Path probe = absolute.resolve(PROBE + "-" + ProcessHandle.current().pid());
            Files.write(probe, new byte[] {1});
            Files.delete(probe);
        } catch (IOException | SecurityException e) {
            String verb =
                    created.isEmpty() ? "cannot write to the output directory " : "cannot create the output directory ";
            throw new OptionSyntaxException("pprof: " + verb + absolute + " (" + describe(e)
                    + "); make it writable or choose another with dir=<path>");
        } finally {
            for (int i = created.size() - 1; i >= 0; i--) {
                try {
                    Files.deleteIfExists(created.get(i));
                } catch (IOException ignored) {
                    // left empty; the run creates it again
                }
            }
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        return e.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }
}
