package io.github.jmhpprof.jmh;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchmarkFolderNameTest {

    @Test
    void plainIdsStayAsTheyAre() {
        String id = "org.example.Sort.bubbleSort-AverageTime-n-1000";
        assertEquals(id, BenchmarkFolderName.of(id));
    }

    @ParameterizedTest
    @ValueSource(strings = {"b-AverageTime-p-../x", "b-AverageTime-p-a/b", "..", ".", "b-p-:*?", "b-p-with space", "b-p-naïve-日本"})
    void hostileIdsBecomeOneSafeFolderInsideTheRoot(String id) {
        String name = BenchmarkFolderName.of(id);
        assertTrue(name.matches("[A-Za-z0-9._=,-]+"), name);
        assertTrue(!name.startsWith("."), name);
        Path root = Path.of("/root/pprof");
        assertEquals(root, root.resolve(name).normalize().getParent(), name);
    }

    @Test
    void idsThatCleanUpAlikeStayApart() {
        assertNotEquals(BenchmarkFolderName.of("b-p-a/b"), BenchmarkFolderName.of("b-p-a:b"));
        assertNotEquals(BenchmarkFolderName.of("b-p-a_b"), BenchmarkFolderName.of("b-p-a/b"));
    }

    @Test
    void longIdsAreCutButStayDistinct() {
        String a = "b-p-" + "x".repeat(300) + "a";
        String b = "b-p-" + "x".repeat(300) + "b";
        assertTrue(BenchmarkFolderName.of(a).length() <= 120);
        assertNotEquals(BenchmarkFolderName.of(a), BenchmarkFolderName.of(b));
    }
}
