package io.github.jmhpprof.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionNamesTest {

    private static ProfileData profileOf(Frame... leafFirst) {
        ProfileData p = new ProfileData(
                List.of(new ValueType("samples", "count")), new ValueType("cpu", "nanoseconds"), 1, null);
        p.add(Stack.of(leafFirst), Labels.NONE, 1);
        return p;
    }

    @Test
    void overloadsInOneProfileCarryTheirParameterTypes() {
        Frame sortArray = new Frame("p.Sort", "bubbleSort", "([I)V", 48, false);
        Frame sortNone = new Frame("p.Sort", "bubbleSort", "()[I", 40, false);
        Frame other = new Frame("p.Sort", "swap", "(II)V", 50, false);
        FunctionNames names = FunctionNames.of(profileOf(other, sortArray, sortNone));
        assertEquals("p.Sort.bubbleSort(int[])", names.of(sortArray));
        assertEquals("p.Sort.bubbleSort()", names.of(sortNone));
        assertEquals("p.Sort.swap", names.of(other), "a name with one method stays short");
    }

    @Test
    void oneMethodKeepsItsShortNameInlinedOrNot() {
        Frame a = new Frame("p.Sort", "bubbleSort", "([I)V", 48, true);
        Frame b = new Frame("p.Sort", "bubbleSort", "([I)V", 47, false);
        assertEquals("p.Sort.bubbleSort", FunctionNames.of(profileOf(a, b)).of(a));
    }

    @Test
    void parametersReadAsInJavaSource() {
        assertEquals(
                "(int,long[][],String,Map$Entry,boolean)",
                FunctionNames.parameters("(I[[JLjava/lang/String;Ljava/util/Map$Entry;Z)V"));
        assertEquals("()", FunctionNames.parameters("()V"));
    }

    /** As go tool pprof -top showed them for async-profiler's native frames (JDK 25, 2026-12-01). */
    @Test
    void nativeNamesReadAsPprofSimplifiesThem() {
        assertEquals(
                "AccessInternal::PostRuntimeDispatch::oop_access_barrier",
                FunctionNames.asPprofShowsIt(
                        "AccessInternal::PostRuntimeDispatch<G1BarrierSet::AccessBarrier<286886ul, G1BarrierSet>, "
                                + "(AccessInternal::BarrierType)3, 286886ul>::oop_access_barrier"));
        assertEquals("JfrStackTrace::record_inner", FunctionNames.asPprofShowsIt("JfrStackTrace::record_inner"));
        assertEquals("pvm_irq_enable", FunctionNames.asPprofShowsIt("pvm_irq_enable"));
        assertEquals("java.util.ArrayList.<init>", FunctionNames.asPprofShowsIt("java.util.ArrayList.<init>"));
        assertEquals("[JMH Foo::bar]", FunctionNames.asPprofShowsIt("[JMH Foo::bar]"));
        assertEquals(
                "[byte[]: allocation site not sampled]",
                FunctionNames.asPprofShowsIt("[byte[]: allocation site not sampled]"));
        Frame nativeFrame = new Frame("", "Foo<int>::bar(int)", "", 0, false);
        assertEquals("Foo::bar", FunctionNames.of(profileOf(nativeFrame)).of(nativeFrame));
    }
}
