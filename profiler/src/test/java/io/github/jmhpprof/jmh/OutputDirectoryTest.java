package io.github.jmhpprof.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.profile.ProfilerException;

/** An unusable output root fails before any benchmark runs (creating a missing one: {@link OutputDirectoryIT}). */
class OutputDirectoryTest {

    @Test
    void aDirectoryThatCannotBeCreatedFailsAtOnceWithTheFix() throws Exception {
        // Tests may run as root, who may write anywhere; an immutable directory stops even root.
        Path locked = JmhRuns.newOutputDir("locked");
        chattr("+i", locked);
        try {
            Path dir = locked.resolve("pprof");
            ProfilerException e = assertThrows(ProfilerException.class, () -> new PprofProfiler("dir=" + dir));
            assertTrue(
                    e.getMessage().contains("cannot create the output directory " + dir)
                            && e.getMessage().contains("choose another with dir=<path>"),
                    e.getMessage());
        } finally {
            chattr("-i", locked);
        }
    }

    private static void chattr(String flag, Path dir) throws Exception {
        Process p =
                new ProcessBuilder("chattr", flag, dir.toString()).inheritIO().start();
        if (p.waitFor() != 0) {
            throw new AssertionError("chattr " + flag + " " + dir + " failed; the test needs e2fsprogs' chattr");
        }
    }

    @Test
    void aDirectoryWhosePermissionBitsAllowWritingButWhereWritesFailIsRejectedAtOnce() throws Exception {
        // As root, /proc passes every check of permission bits, yet nothing can be created there.
        Path dir = Path.of("/proc/jmh-pprof-" + ProcessHandle.current().pid());
        ProfilerException e = assertThrows(ProfilerException.class, () -> new PprofProfiler("dir=" + dir));
        assertTrue(
                e.getMessage().contains("cannot create the output directory " + dir)
                        && e.getMessage().contains("choose another with dir=<path>"),
                e.getMessage());
    }

    @Test
    void theCheckLeavesNothingBehind() throws Exception {
        Path parent = JmhRuns.newOutputDir("probe");
        new PprofProfiler("dir=" + parent.resolve("a/b"));
        try (var left = Files.list(parent)) {
            assertEquals(0, left.count(), "the folders the check made to probe are removed again");
        }
        new PprofProfiler("dir=" + parent);
        try (var left = Files.list(parent)) {
            assertEquals(0, left.count(), "the probe file is deleted");
        }
    }

    @Test
    void aFileInPlaceOfTheDirectoryFailsAtOnce() throws Exception {
        Path file = Files.createTempFile("not-a-dir", ".txt");
        ProfilerException e = assertThrows(ProfilerException.class, () -> new PprofProfiler("dir=" + file));
        assertTrue(e.getMessage().contains("which is a file, not a directory"), e.getMessage());
    }
}
