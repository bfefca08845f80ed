package io.github.jmhpprof.testing;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GoPprofTest {

    @Test
    void pprofErrorsReachTheTestThroughStderr(@TempDir Path dir) throws IOException {
        Path junk = Files.writeString(dir.resolve("junk.pb.gz"), "not a profile");

        GoPprof.Result result = GoPprof.run(List.of("-raw"), junk);

        assertNotEquals(0, result.exitCode(), "exit code");
        assertTrue(result.stderr().contains("junk.pb.gz"), () -> "stderr: " + result.stderr());
        AssertionError error = assertThrows(AssertionError.class, result::assertNoStderr);
        assertTrue(error.getMessage().contains(result.stderr()), error::getMessage);
    }
}
