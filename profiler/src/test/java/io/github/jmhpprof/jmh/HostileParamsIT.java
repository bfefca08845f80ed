package io.github.jmhpprof.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jmhpprof.testing.RawProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.options.TimeValue;

/** @Param values such as ../x or a/b: every file stays inside dir, distinct and readable; labels keep the values. */
class HostileParamsIT {

    @Test
    void everyParamGetsItsOwnSafeFolderAndKeepsItsValueInLabels() throws Exception {
        Path base = JmhRuns.newOutputDir("hostile");
        Path dir = base.resolve("pprof");
        String[] values = HostileParamsBenchmark.class
                .getField("value")
                .getAnnotation(org.openjdk.jmh.annotations.Param.class)
                .value();
        JmhRuns.run(JmhRuns.shortRun(HostileParamsBenchmark.class.getName(), dir, "events=alloc")
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(200)));

        try (Stream<Path> beside = Files.list(base)) {
            assertEquals(List.of(dir), beside.toList(), "nothing written beside dir, e.g. by ../x");
        }
        List<Path> folders;
        try (Stream<Path> list = Files.list(dir)) {
            folders = list.filter(p -> p.getFileName().toString().contains("HostileParams"))
                    .toList();
        }
        assertEquals(values.length, folders.size(), "one folder per value: " + folders);
        Set<String> labelled = new HashSet<>();
        for (Path folder : folders) {
            String name = folder.getFileName().toString();
            assertTrue(
                    name.matches("[A-Za-z0-9._=,-]+")
                            && name.length() <= BenchmarkFolderName.MAX_LENGTH
                            && name.contains("HostileParamsBenchmark.hash"),
                    name);
            RawProfile alloc = RawProfile.of(folder.resolve("alloc.pb.gz"));
            assertTrue(!alloc.samples().isEmpty(), folder + " has allocation samples");
            String value = alloc.samples().get(0).labels().get("value");
            labelled.add(value);
            assertEquals("value=" + value, alloc.comment("params"));
        }
        assertEquals(Set.of(values), labelled, "the original values, in the labels");
    }
}
