package io.github.jmhpprof.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
        assertEquals(
                Map.of("object", "byte[]", "size", "a b", "thread", "[not sampled]"),
                p.samples().get(0).labels());
    }

    @Test
    void functionNamesMayHoldSpacesAndInlinedFramesFollowTheirLocation() {
        RawProfile p = RawProfile.parse("""
                PeriodType: space bytes
                Period: 0
                Samples:
                inuse_objects/count inuse_space/bytes
                       8192   33685504: 1
                                object:[byte[]]
                          3      12336: 2
                                object:[byte[]]
                Locations
                     1: 0x0 M=1 [byte[]: allocation site not sampled] :0 s=0
                     2: 0x0 M=1 org.example.Cache.copy Cache.java:30 s=0(org.example.Cache.copy([B)[B)
                             org.example.Cache.keep Cache.java:12 s=0(org.example.Cache.keep()V)
                """);
        assertEquals(
                List.of("[byte[]: allocation site not sampled]"),
                p.functions(p.samples().get(0)));
        assertEquals(
                List.of("org.example.Cache.copy", "org.example.Cache.keep"),
                p.functions(p.samples().get(1)));
    }

    @Test
    void aLeafFrameHasItsFileLineAndSystemName() {
        RawProfile p = RawProfile.parse("""
                PeriodType: cpu nanoseconds
                Period: 10000000
                Samples:
                samples/count cpu/nanoseconds
                          1   10000000: 1 2
                          1   10000000: 2
                Locations
                     1: 0x0 M=1 Sort.sort Sort.java:14 s=0(Sort.sort([I)V)
                             Sort.swap Sort.java:20 s=0
                     2: 0x0 M=1 Sort.run Sort.java:7 s=0
                """);
        RawProfile.Frame leaf = p.leafFrame(p.samples().get(0)).orElseThrow();
        assertEquals(new RawProfile.Frame("Sort.sort", "Sort.java", 14, "Sort.sort([I)V"), leaf);
        assertEquals("Sort.sort:14", leaf.site());
        assertEquals(
                new RawProfile.Frame("Sort.run", "Sort.java", 7, "Sort.run"),
                p.leafFrame(p.samples().get(1)).orElseThrow());
    }
}
