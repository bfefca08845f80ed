package io.github.jmhpprof.jmh;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/** @Param values that would escape, clash or break on a file system if used as folder names. */
@State(Scope.Benchmark)
public class HostileParamsBenchmark {

    /** The long value is 300 characters; "a/b" and "a:b" clean up to the same text. */
    @Param({
        "../x",
        "a/b",
        "a:b",
        "..",
        ":",
        "*",
        "?",
        "with space",
        "naïve 日本語",
        "LxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxR"
    })
    public String value;

    /** Allocates on purpose: allocation samples are taken by the thread itself, so they exist even on a busy machine. */
    @Benchmark
    public String hash() {
        return value + value.length();
    }
}
