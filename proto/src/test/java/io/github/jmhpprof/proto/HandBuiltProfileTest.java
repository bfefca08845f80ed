package io.github.jmhpprof.proto;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jmhpprof.testing.GoPprof;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated classes write a profile that the real pprof reads without complaint. */
class HandBuiltProfileTest {

    @Test
    void pprofReadsAProfileBuiltWithTheGeneratedClasses(@TempDir Path dir) throws IOException {
        // String indices are fixed by position in this table; "" must come first.
        List<String> strings = List.of(
                "",
                "samples",
                "count",
                "cpu",
                "nanoseconds",
                "example.jar",
                "org.example.Work.spin",
                "org/example/Work.java");
        Profile profile = Profile.newBuilder()
                .addAllStringTable(strings)
                .addSampleType(ValueType.newBuilder().setType(1).setUnit(2))
                .addSampleType(ValueType.newBuilder().setType(3).setUnit(4))
                .setPeriodType(ValueType.newBuilder().setType(3).setUnit(4))
                .setPeriod(10_000_000)
                .addMapping(Mapping.newBuilder()
                        .setId(1)
                        .setFilename(5)
                        .setHasFunctions(true)
                        .setHasFilenames(true)
                        .setHasLineNumbers(true))
                .addFunction(Function.newBuilder()
                        .setId(1)
                        .setName(6)
                        .setSystemName(6)
                        .setFilename(7)
                        .setStartLine(40))
                .addLocation(Location.newBuilder()
                        .setId(1)
                        .setMappingId(1)
                        .addLine(Line.newBuilder().setFunctionId(1).setLine(42)))
                .addSample(Sample.newBuilder().addLocationId(1).addValue(7).addValue(70_000_000))
                .build();
        Path file = dir.resolve("cpu.pb.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            profile.writeTo(out);
        }

        String raw = GoPprof.run(List.of("-raw"), file).assertNoStderr();

        assertContains(raw, "PeriodType: cpu nanoseconds");
        assertContains(raw, "samples/count cpu/nanoseconds");
        assertContains(raw, "7   70000000: 1 ");
        assertContains(raw, "1: 0x0 M=1 org.example.Work.spin org/example/Work.java:42 s=40");
        // The mapping flags tell pprof the symbols are complete, so it will not try to symbolize.
        assertContains(raw, "example.jar  [FN][FL][LN]");
    }

    private static void assertContains(String text, String expected) {
        assertTrue(text.contains(expected), () -> "want \"" + expected + "\" in:\n" + text);
    }
}
