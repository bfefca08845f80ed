package io.github.jmhpprof.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FunctionNamesTest {

    private static ProfileData profileOf(Frame... leafFirst) {
        ProfileData p = new ProfileData(List.of(new ValueType("samples", "count")), new ValueType("cpu", "nanoseconds"), 1, null);
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
        assertEquals("(int,long[][],String,Map$Entry,boolean)",
                FunctionNames.parameters("(I[[JLjava/lang/String;Ljava/util/Map$Entry;Z)V"));
        assertEquals("()", FunctionNames.parameters("()V"));
    }
}
