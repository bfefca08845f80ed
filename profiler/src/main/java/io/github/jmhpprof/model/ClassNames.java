package io.github.jmhpprof.model;

/** Class names as a Java programmer reads them. */
public final class ClassNames {

    private ClassNames() {
    }

    /** {@code byte[]} for the JVM's {@code [B}, {@code java.lang.String[][]} for {@code [[Ljava.lang.String;}. */
    public static String readable(String jvmName) {
        int dims = 0;
        while (dims < jvmName.length() && jvmName.charAt(dims) == '[') {
            dims++;
        }
        if (dims == 0 || dims == jvmName.length()) {
            return jvmName;
        }
        String element = switch (jvmName.charAt(dims)) {
            case 'Z' -> "boolean";
            case 'B' -> "byte";
            case 'C' -> "char";
            case 'S' -> "short";
            case 'I' -> "int";
            case 'J' -> "long";
            case 'F' -> "float";
            case 'D' -> "double";
            case 'L' -> jvmName.endsWith(";") ? jvmName.substring(dims + 1, jvmName.length() - 1) : jvmName.substring(dims + 1);
            default -> jvmName.substring(dims);
        };
        return element + "[]".repeat(dims);
    }
}
