package io.github.jmhpprof.model;

import java.util.Objects;

/**
 * One frame of a stack, as an engine reports it.
 *
 * @param className   binary class name ({@code org.example.Foo$Inner}); empty for synthetic frames
 * @param methodName  method name, or a bracketed marker such as {@code [truncated]} for synthetic frames
 * @param descriptor  JVM method descriptor ({@code (I)V}); empty when unknown
 * @param line        source line, or 0 when unknown
 * @param inlined     true when the JIT inlined this frame into the next frame towards the root
 * @param library     for native code (VM, libraries, kernel; async-profiler sees it): the library,
 *                    e.g. {@code libjvm.so} or {@code [kernel]}; empty for Java and synthetic frames
 */
public record Frame(String className, String methodName, String descriptor, int line, boolean inlined, String library) {

    public Frame {
        Objects.requireNonNull(className, "className");
        Objects.requireNonNull(methodName, "methodName");
        Objects.requireNonNull(descriptor, "descriptor");
        Objects.requireNonNull(library, "library");
        if (!library.isEmpty() && !className.isEmpty()) {
            throw new IllegalArgumentException("a native frame has no class: " + className + " in " + library);
        }
    }

    /** A Java frame. */
    public Frame(String className, String methodName, String descriptor, int line, boolean inlined) {
        this(className, methodName, descriptor, line, inlined, "");
    }

    /** A frame of native code, named by its symbol ({@code G1CollectedHeap::do_collection}). */
    public static Frame nativeCode(String library, String symbol) {
        if (library.isEmpty()) {
            throw new IllegalArgumentException("native frame without a library: " + symbol);
        }
        return new Frame("", symbol, "", 0, false, library);
    }

    /** Native code: the VM, a library or the kernel. */
    public boolean isNative() {
        return !library.isEmpty();
    }

    /** A frame that stands for something that is not a Java method, e.g. {@code [truncated]}. */
    public static Frame synthetic(String marker) {
        return new Frame("", marker, "", 0, false);
    }

    public boolean isSynthetic() {
        return className.isEmpty() && library.isEmpty();
    }

    /** {@code pkg.Class.method}: short enough that pprof does not mistake it for a C++ signature. */
    public String functionName() {
        return className.isEmpty() ? methodName : className + "." + methodName;
    }

    /** The name with its descriptor, so that overloads stay apart. */
    public String systemName() {
        return className.isEmpty() ? methodName : functionName() + descriptor;
    }

    /**
     * The source file as a package path ({@code org/example/Foo.java}), so that
     * {@code go tool pprof -list -source_path=src/main/java} finds it. JFR does not report the
     * SourceFile attribute, so this assumes the usual one-top-level-class-per-file layout.
     */
    public String sourcePath() {
        if (className.isEmpty()) {
            return "";
        }
        int nested = className.indexOf('$');
        String topLevel = nested > 0 ? className.substring(0, nested) : className;
        return topLevel.replace('.', '/') + ".java";
    }
}
