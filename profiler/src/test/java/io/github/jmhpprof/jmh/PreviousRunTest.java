package io.github.jmhpprof.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jmhpprof.files.FileNames;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which files are the profiler's own, and how a rerun sets them aside, puts them back or lets them go. */
class PreviousRunTest {

    @Test
    void onlyOurOwnNamesAreOurs() {
        assertTrue(OutputLayout.isOwnFile("cpu.pb.gz"));
        assertTrue(OutputLayout.isOwnFile("alloc-per-op.pb.gz"));
        assertTrue(OutputLayout.isOwnFile("fork.properties"));
        assertTrue(OutputLayout.isOwnFile(".cpu.pb.gz.7f3a9c0e1b2d4c5a.tmp"), "what AtomicFiles leaves when cut short");
        assertFalse(OutputLayout.isOwnFile("my-baseline.pb.gz"));
        assertFalse(OutputLayout.isOwnFile(".my-baseline.pb.gz.2a.tmp"));
        assertFalse(OutputLayout.isOwnFile("notes.txt"));
    }

    @Test
    void setAsideThenRestoreGivesBackExactlyThePreviousFiles(@TempDir Path dir) throws Exception {
        Path fork = Files.createDirectories(dir.resolve("fork-2"));
        Files.writeString(dir.resolve("cpu.pb.gz"), "old cpu");
        Files.writeString(fork.resolve("fork.properties"), "old report");
        Files.writeString(fork.resolve(".alloc.pb.gz.4d2e.tmp"), "half");
        Files.writeString(dir.resolve("my-baseline.pb.gz"), "mine");

        PreviousRun.setAside(dir);
        assertFalse(Files.exists(dir.resolve("cpu.pb.gz")));
        assertFalse(Files.exists(fork), "an emptied fork folder goes");
        assertEquals("mine", Files.readString(dir.resolve("my-baseline.pb.gz")));

        Files.writeString(dir.resolve("alloc.pb.gz"), "this run's partial file");
        assertTrue(PreviousRun.restore(dir));
        assertEquals("old cpu", Files.readString(dir.resolve("cpu.pb.gz")));
        assertEquals("old report", Files.readString(fork.resolve("fork.properties")));
        assertFalse(Files.exists(fork.resolve(".alloc.pb.gz.4d2e.tmp")), "a crash's temp file is not a result");
        assertFalse(Files.exists(dir.resolve("alloc.pb.gz")), "the run that wrote nothing complete leaves nothing");
        assertFalse(Files.exists(dir.resolve(FileNames.PREVIOUS_RUN)));

        PreviousRun.setAside(dir);
        Files.writeString(dir.resolve("cpu.pb.gz"), "new cpu");
        PreviousRun.discard(dir);
        assertEquals("new cpu", Files.readString(dir.resolve("cpu.pb.gz")));
        assertFalse(Files.exists(dir.resolve(FileNames.PREVIOUS_RUN)));
        assertEquals("mine", Files.readString(dir.resolve("my-baseline.pb.gz")));
    }
}
