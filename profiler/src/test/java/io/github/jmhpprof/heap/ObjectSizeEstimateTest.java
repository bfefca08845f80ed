package io.github.jmhpprof.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.jmhpprof.heap.ObjectSizeEstimate.PointerSize;
import org.junit.jupiter.api.Test;

class ObjectSizeEstimateTest {

    /** The usual HotSpot layout below 32 GB of heap: compressed oops and class pointers, 8-byte alignment. */
    private final ObjectSizeEstimate compressed =
            new ObjectSizeEstimate(PointerSize.COMPRESSED, PointerSize.COMPRESSED, 8);

    @SuppressWarnings("unused")
    static final class TwoFields {
        long a;
        Object b;
    }

    @SuppressWarnings("unused")
    static class Base {
        int x;
    }

    @SuppressWarnings("unused")
    static final class Derived extends Base {
        static long notCounted;
        int y;
    }

    @Test
    void arraysAreHeaderPlusElementsRoundedUp() {
        assertEquals(16 + 1024, compressed.bytes("[B", 1024));
        assertEquals(24, compressed.bytes("[B", 1), "16 + 1 rounded up to 8");
        assertEquals(16, compressed.bytes("[I", 0));
        assertEquals(16 + 8 * 10, compressed.bytes("[J", 10));
        assertEquals(16 + 4 * 10, compressed.bytes("[Ljava.lang.Object;", 10));
        assertEquals(32, compressed.bytes("[[I", 3), "an array of arrays holds 4-byte references: 16 + 12, rounded up");
    }

    @Test
    void instancesAreHeaderPlusInstanceFieldsOfTheWholeHierarchy() {
        assertEquals(24, compressed.bytes(TwoFields.class.getName(), Integer.MIN_VALUE), "12 + 8 + 4");
        assertEquals(
                24,
                compressed.bytes(Derived.class.getName(), Integer.MIN_VALUE),
                "12 + 4 + 4, rounded up; statics do not count");
        assertEquals(16, compressed.bytes(Object.class.getName(), Integer.MIN_VALUE));
    }

    @Test
    void withoutCompressionHeadersAndReferencesAreLarger() {
        ObjectSizeEstimate wide = new ObjectSizeEstimate(PointerSize.FULL, PointerSize.FULL, 8);
        assertEquals(24 + 8 * 2, wide.bytes("[Ljava.lang.Object;", 2), "20-byte header rounded up, 8-byte references");
        assertEquals(32, wide.bytes(TwoFields.class.getName(), Integer.MIN_VALUE), "16 + 8 + 8");
    }

    @Test
    void aClassNoLoaderFindsCountsAsHeaderOnly() {
        assertEquals(16, compressed.bytes("org.example.Gone$$Lambda$17/0x0000000800c0b000", Integer.MIN_VALUE));
    }
}
