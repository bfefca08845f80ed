package io.github.jmhpprof.model;

import java.util.regex.Pattern;

/** Class names as a Java programmer reads them, the same in every run. */
public final class ClassNames {

    private static final Pattern LAMBDA = Pattern.compile("\\$\\$Lambda(\\$\\d+)?([+/.]0x\\p{XDigit}+)?(\\.\\d+)?");
    private static final Pattern HIDDEN_ADDRESS = Pattern.compile("[+/.]0x\\p{XDigit}+(\\.\\d+)?");

    private ClassNames() {}

    /**
     * {@code byte[]} for the JVM's {@code [B}, {@code java.lang.String[][]} for
     * {@code [[Ljava.lang.String;}, and hidden classes by their {@link #stable} names.
     */
    public static String readable(String jvmName) {
        int dims = 0;
        while (dims < jvmName.length() && jvmName.charAt(dims) == '[') {
            dims++;
        }
        if (dims == 0 || dims == jvmName.length()) {
            return stable(jvmName);
        }
        char kind = jvmName.charAt(dims);
        String element = kind == 'L'
                ? (jvmName.endsWith(";")
                        ? jvmName.substring(dims + 1, jvmName.length() - 1)
                        : jvmName.substring(dims + 1))
                : primitive(kind);
        return stable(element == null ? jvmName.substring(dims) : element) + "[]".repeat(dims);
    }

    /** {@code int} for the descriptor character {@code I}, and so on; null for a character that names no primitive type. */
    public static String primitive(char descriptor) {
        return switch (descriptor) {
            case 'Z' -> "boolean";
            case 'B' -> "byte";
            case 'C' -> "char";
            case 'S' -> "short";
            case 'I' -> "int";
            case 'J' -> "long";
            case 'F' -> "float";
            case 'D' -> "double";
            default -> null;
        };
    }

    /**
     * Drops the run-specific parts of hidden-class names ({@code Foo$$Lambda$49+0x00007fba8c020f00.718231523}
     * becomes {@code Foo$$Lambda}, {@code LambdaForm$MH.0x0000000075083c00} becomes {@code LambdaForm$MH}),
     * so that the same code has the same name in two runs and {@code -diff_base} pairs them, and
     * JFR and the class histogram, which write these addresses differently, name a class alike.
     */
    public static String stable(String name) {
        if (name.indexOf("0x") < 0 && name.indexOf("$$Lambda") < 0) {
            return name;
        }
        return HIDDEN_ADDRESS
                .matcher(LAMBDA.matcher(name).replaceAll("\\$\\$Lambda"))
                .replaceAll("");
    }
}
