package io.github.jmhpprof.model;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The function names of one profile. pprof has no overloads: two methods with one name would be
 * one function in {@code -top}, {@code -list} and the source view, adding up two methods' costs
 * (a call line showing its callee's time, totals of 200 %). So where a profile holds two methods
 * with one name, both names carry their parameter types ({@code Foo.sort(int[])},
 * {@code Foo.sort()}); every other name stays {@code pkg.Class.method}.
 */
public final class FunctionNames {

    private final Set<String> overloaded;

    private FunctionNames(Set<String> overloaded) {
        this.overloaded = overloaded;
    }

    /** The names for the frames of this profile. */
    public static FunctionNames of(ProfileData profile) {
        Map<String, String> descriptorOf = new HashMap<>();
        Set<String> overloaded = new HashSet<>();
        for (Sample sample : profile.samples()) {
            for (Frame frame : sample.stack().frames()) {
                if (frame.descriptor().isEmpty()) {
                    continue;
                }
                String known = descriptorOf.putIfAbsent(frame.functionName(), frame.descriptor());
                if (known != null && !known.equals(frame.descriptor())) {
                    overloaded.add(frame.functionName());
                }
            }
        }
        return new FunctionNames(overloaded);
    }

    /** The name pprof shows for the frame. */
    public String of(Frame frame) {
        String name = frame.functionName();
        if (name.equals(frame.systemName())) {
            return asPprofShowsIt(name);
        }
        return overloaded.contains(name) ? name + parameters(frame.descriptor()) : name;
    }

    /**
     * A function whose name equals its system name (native code) is taken by pprof for a C++ name
     * it may simplify: when it looks demangled, pprof drops its parameters and template arguments
     * ({@code A<B>::f(int)} becomes {@code A::f}). Writing the name so keeps our summary equal to
     * {@code go tool pprof -top}.
     */
    static String asPprofShowsIt(String name) {
        boolean looksLikeCpp = !name.contains(".<")
                && !name.contains("]).")
                && (name.chars().anyMatch(c -> "<>[]".indexOf(c) >= 0) || name.contains("::"));
        return looksLikeCpp ? withoutBracketed(withoutBracketed(name, '(', ')'), '<', '>') : name;
    }

    /** The name without each outermost {@code open…close} span; unchanged where they do not match. */
    private static String withoutBracketed(String name, char open, char close) {
        StringBuilder out = new StringBuilder(name.length());
        int depth = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == open) {
                depth++;
            } else if (c == close) {
                if (--depth < 0) {
                    return name;
                }
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return depth == 0 ? out.toString() : name;
    }

    /** {@code (int[],String)} for the descriptor {@code ([ILjava/lang/String;)V}: types as in Java source, without packages. */
    static String parameters(String descriptor) {
        StringBuilder out = new StringBuilder("(");
        int i = 1; // after '('
        while (i < descriptor.length() && descriptor.charAt(i) != ')') {
            int dims = 0;
            while (descriptor.charAt(i) == '[') {
                dims++;
                i++;
            }
            String type;
            char c = descriptor.charAt(i);
            if (c == 'L') {
                int end = descriptor.indexOf(';', i);
                String binary = descriptor.substring(i + 1, end);
                type = binary.substring(binary.lastIndexOf('/') + 1);
                i = end + 1;
            } else {
                type = ClassNames.primitive(c);
                if (type == null) { // not a descriptor the JVM writes: show it as it is
                    return descriptor;
                }
                i++;
            }
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(type).append("[]".repeat(dims));
        }
        return out.append(')').toString();
    }
}
