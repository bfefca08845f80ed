package io.github.jmhpprof.pprof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jmhpprof.model.Frame;
import io.github.jmhpprof.model.Labels;
import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.model.Stack;
import io.github.jmhpprof.model.ValueType;
import io.github.jmhpprof.proto.Function;
import io.github.jmhpprof.proto.Location;
import io.github.jmhpprof.proto.Profile;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PprofEncoderTest {

    private static final Frame SORT = new Frame("org.example.Sort", "bubbleSort", "([I)V", 20, false);
    private static final Frame SWAP_INLINED = new Frame("org.example.Sort", "swap", "([III)V", 30, true);
    private static final Frame MAIN = new Frame("org.example.Main", "main", "([Ljava/lang/String;)V", 7, false);

    private static ProfileData cpuProfile() {
        return new ProfileData(
                List.of(new ValueType("samples", "count"), new ValueType("cpu", "nanoseconds")),
                new ValueType("cpu", "nanoseconds"),
                10_000_000,
                null);
    }

    private static String str(Profile p, long index) {
        return p.getStringTable((int) index);
    }

    @Test
    void stringTableStartsWithEmptyStringAndHasNoDuplicates() {
        ProfileData data = cpuProfile();
        data.add(Stack.of(SORT, MAIN), Labels.NONE.with("thread", "w1"), 1, 10);
        Profile p = PprofEncoder.encode(data);
        assertEquals("", p.getStringTable(0));
        assertEquals(p.getStringTableCount(), new HashSet<>(p.getStringTableList()).size(), "duplicate strings");
        assertEquals("samples", str(p, p.getSampleType(0).getType()));
        assertEquals("nanoseconds", str(p, p.getPeriodType().getUnit()));
        assertEquals(10_000_000, p.getPeriod());
    }

    @Test
    void functionsAndLocationsAreSharedBetweenSamplesAndIdsStartAtOne() {
        ProfileData data = cpuProfile();
        data.add(Stack.of(SORT, MAIN), Labels.NONE.with("thread", "w1"), 1, 10);
        data.add(Stack.of(SORT, MAIN), Labels.NONE.with("thread", "w2"), 2, 20);
        data.add(Stack.of(MAIN), Labels.NONE.with("thread", "w1"), 3, 30);
        Profile p = PprofEncoder.encode(data);
        assertEquals(3, p.getSampleCount());
        assertEquals(2, p.getFunctionCount(), "bubbleSort and main, once each");
        assertEquals(2, p.getLocationCount());
        Set<Long> ids = new HashSet<>();
        for (Location l : p.getLocationList()) {
            assertTrue(l.getId() >= 1 && l.getId() <= p.getLocationCount(), "location id " + l.getId());
            ids.add(l.getId());
        }
        assertEquals(2, ids.size());
        assertEquals(1, p.getMappingCount());
        assertTrue(p.getMapping(0).getHasFunctions()
                && p.getMapping(0).getHasFilenames()
                && p.getMapping(0).getHasLineNumbers());
    }

    @Test
    void sameStackAndLabelsAreAddedIntoOneSample() {
        ProfileData data = cpuProfile();
        data.add(Stack.of(SORT, MAIN), Labels.NONE.with("thread", "w1"), 1, 10);
        data.add(Stack.of(SORT, MAIN), Labels.NONE.with("thread", "w1"), 1, 10);
        Profile p = PprofEncoder.encode(data);
        assertEquals(1, p.getSampleCount());
        assertEquals(List.of(2L, 20L), p.getSample(0).getValueList());
    }

    @Test
    void inlinedFramesShareTheLocationOfTheirCallerCalleeFirst() {
        ProfileData data = cpuProfile();
        data.add(Stack.of(SWAP_INLINED, SORT, MAIN), Labels.NONE, 1, 10);
        Profile p = PprofEncoder.encode(data);
        assertEquals(2, p.getSample(0).getLocationIdCount(), "swap folded into bubbleSort's location");
        Location leaf = p.getLocation((int) p.getSample(0).getLocationId(0) - 1);
        assertEquals(2, leaf.getLineCount());
        assertEquals("org.example.Sort.swap", functionName(p, leaf.getLine(0).getFunctionId()));
        assertEquals(30, leaf.getLine(0).getLine());
        assertEquals(
                "org.example.Sort.bubbleSort", functionName(p, leaf.getLine(1).getFunctionId()));
    }

    @Test
    void functionNamesAreShortAndSystemNamesCarryTheSignature() {
        ProfileData data = cpuProfile();
        data.add(Stack.of(new Frame("org.example.Outer$Inner", "run", "()V", 5, false)), Labels.NONE, 1, 10);
        Profile p = PprofEncoder.encode(data);
        Function f = p.getFunction(0);
        assertEquals("org.example.Outer$Inner.run", str(p, f.getName()));
        assertEquals("org.example.Outer$Inner.run()V", str(p, f.getSystemName()));
        assertEquals("org/example/Outer.java", str(p, f.getFilename()));
    }

    @Test
    void labelsBecomeStringLabels() {
        ProfileData data = cpuProfile();
        data.add(Stack.of(MAIN), Labels.of(Map.of("benchmark", "b", "thread", "t")), 1, 10);
        Profile p = PprofEncoder.encode(data);
        assertEquals(2, p.getSample(0).getLabelCount());
        assertEquals("benchmark", str(p, p.getSample(0).getLabel(0).getKey()));
        assertEquals("b", str(p, p.getSample(0).getLabel(0).getStr()));
    }

    private static String functionName(Profile p, long functionId) {
        return str(p, p.getFunction((int) functionId - 1).getName());
    }

    @Test
    void nativeFramesKeepTheirNamesAndGetAMappingPerLibrary() {
        Frame gc = Frame.nativeCode("libjvm.so", "G1CollectedHeap::do_collection_pause_at_safepoint");
        Frame fault = Frame.nativeCode("[kernel]", "asm_exc_page_fault");
        ProfileData data = cpuProfile();
        data.add(Stack.of(fault, gc, SORT, MAIN), Labels.NONE, 1, 10);
        data.add(Stack.of(SORT, MAIN), Labels.NONE, 1, 10);
        Profile p = PprofEncoder.encode(data);
        assertEquals(3, p.getMappingCount(), "Java, libjvm.so, [kernel]");
        assertEquals("", str(p, p.getMapping(0).getFilename()), "the Java mapping stays unnamed");
        Map<String, Long> mappingOf = new java.util.HashMap<>();
        for (Location l : p.getLocationList()) {
            Function f = p.getFunction((int) l.getLine(0).getFunctionId() - 1);
            mappingOf.put(str(p, f.getName()), l.getMappingId());
        }
        assertEquals(1L, mappingOf.get("org.example.Sort.bubbleSort"));
        long jvm = mappingOf.get("G1CollectedHeap::do_collection_pause_at_safepoint");
        assertEquals("libjvm.so", str(p, p.getMapping((int) jvm - 1).getFilename()));
        assertTrue(p.getMapping((int) jvm - 1).getHasFunctions());
        assertEquals(
                "[kernel]",
                str(
                        p,
                        p.getMapping(mappingOf.get("asm_exc_page_fault").intValue() - 1)
                                .getFilename()));

        ProfileData back = PprofDecoder.decode(p);
        List<Frame> deepest = back.samples().stream()
                .map(s -> s.stack().frames())
                .filter(frames -> frames.size() == 4)
                .findFirst()
                .orElseThrow();
        assertEquals(List.of(fault, gc, SORT, MAIN), deepest, "decoded for merging forks, native frames stay native");
    }
}
