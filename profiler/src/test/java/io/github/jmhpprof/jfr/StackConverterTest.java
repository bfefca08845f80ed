package io.github.jmhpprof.jfr;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class StackConverterTest {

    @Test
    void hiddenClassNamesLoseTheirRunSpecificParts() {
        assertEquals("org.openjdk.jmh.runner.BenchmarkHandler$$Lambda",
                StackConverter.stableClassName("org.openjdk.jmh.runner.BenchmarkHandler$$Lambda$49+0x00007fba8c020f00.718231523"));
        assertEquals("org.example.Foo$$Lambda", StackConverter.stableClassName("org.example.Foo$$Lambda$14/0x0000000800c03000"));
        assertEquals("org.example.Foo$$Lambda", StackConverter.stableClassName("org.example.Foo$$Lambda/0x0000000800c03000"));
        assertEquals("java.lang.invoke.LambdaForm$MH", StackConverter.stableClassName("java.lang.invoke.LambdaForm$MH.0x0000000075083c00"));
        assertEquals("java.lang.invoke.LambdaForm$MH", StackConverter.stableClassName("java.lang.invoke.LambdaForm$MH/0x0000000800c04400"));
    }

    @Test
    void ordinaryNamesStayAsTheyAre() {
        assertEquals("org.example.Outer$Inner", StackConverter.stableClassName("org.example.Outer$Inner"));
        assertEquals("org.example.Hex0xFeed", StackConverter.stableClassName("org.example.Hex0xFeed"));
    }
}
