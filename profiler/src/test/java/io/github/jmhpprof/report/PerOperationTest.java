package io.github.jmhpprof.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.jmhpprof.model.Frame;
import io.github.jmhpprof.model.Labels;
import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.model.Stack;
import io.github.jmhpprof.model.ValueType;
import java.util.List;
import org.junit.jupiter.api.Test;

class PerOperationTest {

    @Test
    void valuesArePer1000OperationsAndTheScaleIsInTheTypeName() {
        ProfileData total = new ProfileData(
                List.of(new ValueType("alloc_objects", "count"), new ValueType("alloc_space", "bytes")),
                new ValueType("space", "bytes"),
                1,
                "alloc_space");
        total.add(Stack.of(new Frame("p.C", "big", "()V", 1, false)), Labels.NONE, 2_000_000, 64_000_000_000L);
        total.add(Stack.of(new Frame("p.C", "tiny", "()V", 2, false)), Labels.NONE, 0, 300_000);
        total.addComment("operations: 1000000");

        ProfileData perOp = PerOperation.of(total, 1_000_000);

        assertEquals(
                List.of(
                        new ValueType("alloc_objects_per_1000_ops", "count"),
                        new ValueType("alloc_space_per_1000_ops", "bytes")),
                perOp.sampleTypes());
        assertEquals("alloc_space_per_1000_ops", perOp.defaultSampleType());
        assertEquals(64_000_000 + 300, perOp.total(1), "64 kB/op and 0.3 B/op, per 1000 ops");
        assertEquals(300, perOp.samples().get(1).values()[1], "0.3 B/op is not rounded away");
    }

    @Test
    void cpuPerOperationKeepsTheTimeAndDropsTheSampleCount() {
        ProfileData total = new ProfileData(
                List.of(new ValueType("samples", "count"), new ValueType("cpu", "nanoseconds")),
                new ValueType("cpu", "nanoseconds"),
                10_000_000,
                null);
        total.add(Stack.of(new Frame("p.C", "run", "()V", 1, false)), Labels.NONE, 3, 30_000_000);
        total.setTime(1, 5_000_000_000L);

        ProfileData perOp = PerOperation.of(total, 4_000);

        assertEquals(List.of(new ValueType("cpu_per_1000_ops", "nanoseconds")), perOp.sampleTypes());
        assertEquals(7_500_000, perOp.total(0), "7.5 us per operation");
        assertEquals(0, perOp.durationNanos(), "no wall time to compare a per-op total with");
    }
}
