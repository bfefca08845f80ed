package io.github.jmhpprof.testing;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class RawProfileTest {

    @Test
    void labelValuesMayHoldBracketsAndSpaces() {
        RawProfile p = RawProfile.parse("""
                PeriodType: space bytes
                Period: 0
                Samples:
                inuse_objects/count inuse_space/bytes
                          2       8224: 1 2
                                object:[byte[]] size:[a b] thread:[[not sampled]]
                Locations
                     1: 0x0 M=1 org.example.Cache.keep Cache.java:30 s=0
                     2: 0x0 M=1 org.example.Cache.run Cache.java:10 s=0
                """);
        assertEquals(Map.of("object", "byte[]", "size", "a b", "thread", "[not sampled]"), p.samples().get(0).labels());
    }
}
