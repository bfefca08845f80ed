package io.github.jmhpprof.heap;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

/**
 * The size of an object that JFR sampled but did not measure: JFR before JDK 25 gives the class
 * and, for arrays, the length, but no size. HotSpot's layout is assumed: a 12-byte header with
 * compressed class pointers (16 without), a 4-byte length after an array's header, references of
 * 4 bytes with compressed oops (8 without), sizes rounded up to the object alignment. Instance
 * fields are added up without gaps, which HotSpot's field packing (JDK 15+) mostly achieves.
 */
public final class ObjectSizeEstimate {

    /** How many bytes a reference or class pointer takes: 4 when the JVM compresses it, 8 when not. */
    enum PointerSize {
        COMPRESSED(4),
        FULL(8);

        final int bytes;

        PointerSize(int bytes) {
            this.bytes = bytes;
        }

        /** As the VM flag {@code flag} (UseCompressedOops, UseCompressedClassPointers) says; compressed where unknown. */
        static PointerSize ofFlag(String flag) {
            return flag(flag, "true").equals("true") ? COMPRESSED : FULL;
        }
    }

    private final int objectHeader;
    private final int arrayHeader;
    private final int referenceSize;
    private final int alignment;
    private final Map<String, Long> instanceSizes = new HashMap<>();

    /** A mark word of 8 bytes, then the class pointer; an array's length (4 bytes) after that. */
    ObjectSizeEstimate(PointerSize references, PointerSize classPointers, int alignment) {
        this.objectHeader = 8 + classPointers.bytes;
        this.arrayHeader = objectHeader + 4;
        this.referenceSize = references.bytes;
        this.alignment = alignment;
    }

    /** An estimate for the layout of this JVM, read from its VM flags. */
    public static ObjectSizeEstimate forThisJvm() {
        return new ObjectSizeEstimate(
                PointerSize.ofFlag("UseCompressedOops"),
                PointerSize.ofFlag("UseCompressedClassPointers"),
                Integer.parseInt(flag("ObjectAlignmentInBytes", "8")));
    }

    /**
     * @param jvmClassName  the class as the JVM names it: {@code java.lang.String}, {@code [B}, {@code [Ljava.lang.Object;}
     * @param arrayElements the length when the object is an array; ignored otherwise
     */
    public long bytes(String jvmClassName, int arrayElements) {
        if (jvmClassName.startsWith("[")) {
            return align(arrayHeader + (long) Math.max(0, arrayElements) * elementSize(jvmClassName.charAt(1)));
        }
        return instanceSizes.computeIfAbsent(jvmClassName, this::instanceBytes);
    }

    private long instanceBytes(String className) {
        Class<?> type = load(className);
        long size = objectHeader;
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers())) {
                    size += fieldSize(f.getType());
                }
            }
        }
        return align(size);
    }

    private long align(long size) {
        return (size + alignment - 1) / alignment * alignment;
    }

    private int elementSize(char type) {
        return switch (type) {
            case 'Z', 'B' -> 1;
            case 'C', 'S' -> 2;
            case 'I', 'F' -> 4;
            case 'J', 'D' -> 8;
            default -> referenceSize;
        };
    }

    private int fieldSize(Class<?> type) {
        if (!type.isPrimitive()) {
            return referenceSize;
        }
        if (type == long.class || type == double.class) {
            return 8;
        }
        if (type == int.class || type == float.class) {
            return 4;
        }
        if (type == short.class || type == char.class) {
            return 2;
        }
        return 1;
    }

    /** The class, or null (header only) when no loader of this thread finds it, e.g. a hidden class. */
    private static Class<?> load(String className) {
        for (ClassLoader loader : new ClassLoader[] {
            Thread.currentThread().getContextClassLoader(),
            ObjectSizeEstimate.class.getClassLoader(),
            ClassLoader.getSystemClassLoader()
        }) {
            try {
                return Class.forName(className, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                // try the next loader
            }
        }
        return null;
    }

    /** A VM flag's value, or HotSpot's usual default where this JVM has no such flag or no HotSpot bean. */
    private static String flag(String name, String fallback) {
        var bean = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
        if (bean == null) {
            return fallback;
        }
        try {
            return bean.getVMOption(name).getValue();
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
