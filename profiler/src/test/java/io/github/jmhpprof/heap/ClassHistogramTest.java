package io.github.jmhpprof.heap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClassHistogramTest {

    private static final String TEXT = """
             num     #instances         #bytes  class name (module)
            -------------------------------------------------------
               1:         17145        1179936  [B (java.base@17.0.15)
               2:          3530         423192  java.lang.Class (java.base@17.0.15)
               3:            10            240  [[Ljava.lang.String; (java.base@17.0.15)
               4:             2             32  org.example.Cache$$Lambda$21/0x80000002d
               5:             1             16  java.lang.Class (java.base@17.0.15)
               6:            14         155640  [Ljdk.internal.vm.FillerElement; (java.base@25.0.3)
               7:             3             48  jdk.internal.vm.FillerObject (java.base@25.0.3)
            Total         20688        1603416
            """;

    @Test
    void readsEveryRowWithReadableNamesAddsUpAClassLoadedTwiceAndSkipsGcFiller() {
        ClassHistogram h = ClassHistogram.parse(TEXT);
        assertEquals(
                Map.of(
                        "byte[]", new ClassHistogram.Live(17145, 1179936),
                        "java.lang.Class", new ClassHistogram.Live(3531, 423208),
                        "java.lang.String[][]", new ClassHistogram.Live(10, 240),
                        "org.example.Cache$$Lambda", new ClassHistogram.Live(2, 32)),
                h.classes());
        assertEquals(1603416, h.bytes());
    }

    @Test
    void textWithoutRowsIsAnErrorNotAnEmptyHeap() {
        IllegalStateException e =
                assertThrows(IllegalStateException.class, () -> ClassHistogram.parse("GC.class_histogram failed\n"));
        assertTrue(e.getMessage().contains("GC.class_histogram failed"), e.getMessage());
    }

    @Test
    void growthKeepsTheClassesThatGrewByHowMuch() {
        ClassHistogram before = ClassHistogram.parse("""
                   1:   100   4000  [B
                   2:    50   1200  java.lang.String
                   3:     5    120  java.lang.Integer
                """);
        ClassHistogram after = ClassHistogram.parse("""
                   1:   300  12000  [B
                   2:    40    960  java.lang.String
                   3:     5    120  java.lang.Integer
                   4:     1     16  org.example.New
                """);
        assertEquals(
                Map.of("byte[]", new ClassHistogram.Live(200, 8000), "org.example.New", new ClassHistogram.Live(1, 16)),
                after.growthSince(before).classes());
    }

    @Test
    void theJvmsOwnHistogramSeesObjectsHeldSinceTheFirstOne() {
        ClassHistogram before = ClassHistogram.take();
        List<HeldByTheTest> held = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            held.add(new HeldByTheTest(i));
        }
        ClassHistogram.Live grown = ClassHistogram.take().growthSince(before).get(HeldByTheTest.class.getName());
        assertEquals(5000, grown.objects());
        assertTrue(grown.bytes() >= 5000L * 16, "at least a header and a long each: " + grown.bytes());
        assertEquals(5000, held.size());
    }

    @Test
    void theJvmsHistogramLeavesGarbageOut() {
        ClassHistogram before = ClassHistogram.take();
        for (int i = 0; i < 5000; i++) {
            garbage = new HeldByTheTest(i);
        }
        garbage = null;
        assertEquals(
                new ClassHistogram.Live(0, 0),
                ClassHistogram.take().growthSince(before).get(HeldByTheTest.class.getName()));
    }

    private static Object garbage;

    private record HeldByTheTest(long value) {}
}
