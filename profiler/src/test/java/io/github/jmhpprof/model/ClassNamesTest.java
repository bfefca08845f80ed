package io.github.jmhpprof.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ClassNamesTest {

    @Test
    void hiddenClassNamesLoseTheirRunSpecificParts() {
        assertEquals(
                "org.openjdk.jmh.runner.BenchmarkHandler$$Lambda",
                ClassNames.stable("org.openjdk.jmh.runner.BenchmarkHandler$$Lambda$49+0x00007fba8c020f00.718231523"));
        assertEquals("org.example.Foo$$Lambda", ClassNames.stable("org.example.Foo$$Lambda$14/0x0000000800c03000"));
        assertEquals("org.example.Foo$$Lambda", ClassNames.stable("org.example.Foo$$Lambda/0x0000000800c03000"));
        assertEquals(
                "java.lang.invoke.LambdaForm$MH",
                ClassNames.stable("java.lang.invoke.LambdaForm$MH.0x0000000075083c00"));
        assertEquals(
                "java.lang.invoke.LambdaForm$MH",
                ClassNames.stable("java.lang.invoke.LambdaForm$MH/0x0000000800c04400"));
    }

    @Test
    void ordinaryNamesStayAsTheyAre() {
        assertEquals("org.example.Outer$Inner", ClassNames.stable("org.example.Outer$Inner"));
        assertEquals("org.example.Hex0xFeed", ClassNames.stable("org.example.Hex0xFeed"));
        assertEquals("org.example.Outer$Inner", ClassNames.readable("org.example.Outer$Inner"));
    }

    @Test
    void arraysReadAsInJavaSource() {
        assertEquals("byte[]", ClassNames.readable("[B"));
        assertEquals("int[][]", ClassNames.readable("[[I"));
        assertEquals("java.lang.String[][]", ClassNames.readable("[[Ljava.lang.String;"));
        assertEquals(
                "org.example.Foo$$Lambda[]", ClassNames.readable("[Lorg.example.Foo$$Lambda$14/0x0000000800c03000;"));
    }

    @Test
    void theClassHistogramsAndJfrsNamesOfOneLambdaClassAgree() {
        assertEquals(
                ClassNames.readable("org.example.Cache$$Lambda$21/0x000000080000002d"),
                ClassNames.readable("org.example.Cache$$Lambda$21.0x000000080000002d"));
    }
}
