package io.github.jmhpprof.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @Test
    void aFailedWriteLeavesNeitherTheFileNorATempFile(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("cpu.pb.gz");
        assertThrows(
                IOException.class,
                () -> AtomicFiles.write(target, out -> {
                    out.write(new byte[1000]);
                    throw new IOException("disk full");
                }));
        assertFalse(Files.exists(target));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(0, left.count(), "no temp file left behind");
        }
    }

    @Test
    void theTemporaryFileIsKnownForTheFileItWasToBecome(@TempDir Path dir) throws IOException {
        List<String> seen = new ArrayList<>();
        AtomicFiles.write(dir.resolve("cpu.pb.gz"), out -> {
            try (Stream<Path> files = Files.list(dir)) {
                files.forEach(f -> seen.add(f.getFileName().toString()));
            }
        });
        assertEquals(1, seen.size(), seen.toString());
        assertEquals(
                Optional.of("cpu.pb.gz"),
                AtomicFiles.targetOfTemp(seen.get(0)),
                "what a crash mid-write would leave: " + seen);
        assertEquals(Optional.of("cpu.pb.gz"), AtomicFiles.targetOfTemp(AtomicFiles.tempName("cpu.pb.gz", -1L)));
        assertEquals(Optional.empty(), AtomicFiles.targetOfTemp("cpu.pb.gz"));
        assertEquals(Optional.empty(), AtomicFiles.targetOfTemp(".cpu.pb.gz.tmp"));
    }

    @Test
    void aFailedRewriteKeepsThePreviousContent(@TempDir Path dir) throws IOException {
        Path target = dir.resolve("report.md");
        AtomicFiles.write(target, out -> out.write("first".getBytes()));
        assertThrows(
                IOException.class,
                () -> AtomicFiles.write(target, out -> {
                    out.write("sec".getBytes());
                    throw new IOException("interrupted");
                }));
        assertEquals("first", Files.readString(target));
        AtomicFiles.write(target, out -> out.write("second".getBytes()));
        assertEquals("second", Files.readString(target));
    }

    @Test
    void theFileHasThePermissionsOfAnyNewFileNotTempFilesOwnerOnly(@TempDir Path dir) throws IOException {
        Path plain = Files.createFile(dir.resolve("plain"));
        Set<PosixFilePermission> umasked = Files.getPosixFilePermissions(plain);
        assertTrue(
                umasked.contains(PosixFilePermission.GROUP_READ) || umasked.contains(PosixFilePermission.OTHERS_READ),
                "this test needs a umask that lets others read (e.g. 022), got " + umasked);
        Path target = dir.resolve("cpu.pb.gz");
        AtomicFiles.write(target, out -> out.write(1));
        assertEquals(umasked, Files.getPosixFilePermissions(target), "0666 less the umask, as the plain file");
    }
}
