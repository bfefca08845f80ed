package io.github.jmhpprof.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BaselineOptionTest {

    @Test
    void noBaselineUnlessGiven() throws Exception {
        assertNull(ProfilerOptions.parse("").baseline());
        assertEquals(
                Path.of("old/pprof"),
                ProfilerOptions.parse("baseline=old/pprof").baseline());
    }

    @Test
    void theBaselineCannotBeTheFolderThisRunWritesTo() {
        OptionSyntaxException e =
                assertThrows(OptionSyntaxException.class, () -> ProfilerOptions.parse("baseline=./pprof"));
        assertTrue(
                e.getMessage()
                        .contains("option 'baseline' has a bad value './pprof'; expected another folder than dir"),
                e.getMessage());
    }

    @Test
    void aMissingBaselineStopsTheRunBeforeItStarts() {
        org.openjdk.jmh.profile.ProfilerException e = assertThrows(
                org.openjdk.jmh.profile.ProfilerException.class,
                () -> new PprofProfiler("baseline=target/no-such-run"));
        assertTrue(
                e.getMessage().contains("which is not a folder; expected the dir of an earlier -prof pprof run"),
                e.getMessage());
    }
}
