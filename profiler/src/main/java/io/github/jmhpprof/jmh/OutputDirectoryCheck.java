package io.github.jmhpprof.jmh;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks, without creating anything, that the output root can be written: an existing directory
 * that is writable, or a missing one whose nearest existing parent is a writable directory. This
 * runs in the host before the first benchmark, so a bad {@code dir} fails in a second, not after
 * an hour of benchmarking.
 */
final class OutputDirectoryCheck {

    private OutputDirectoryCheck() {
    }

    static void check(Path dir) throws OptionSyntaxException {
        Path absolute = dir.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            if (!Files.isDirectory(absolute)) {
                throw new OptionSyntaxException("pprof: option 'dir' names " + absolute
                        + ", which is a file, not a directory; give a directory path with dir=<path>");
            }
            if (!Files.isWritable(absolute)) {
                throw new OptionSyntaxException("pprof: cannot write to the output directory " + absolute
                        + "; make it writable or choose another with dir=<path>");
            }
            return;
        }
        Path parent = absolute.getParent();
        while (parent != null && !Files.exists(parent)) {
            parent = parent.getParent();
        }
        if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
            throw new OptionSyntaxException("pprof: cannot create the output directory " + absolute
                    + " (" + (parent == null ? "no existing parent" : parent + " is not a writable directory")
                    + "); choose another with dir=<path>");
        }
    }
}
