package io.github.jmhpprof.heap;

import io.github.jmhpprof.model.ClassNames;
import java.lang.management.ManagementFactory;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * The live objects of each class, exactly, as {@code jcmd <pid> GC.class_histogram} prints them:
 * counts and bytes, but no allocation sites. The heap profile takes its totals from here and its
 * stacks from JFR's sampled live objects ({@link LiveHeapProfile}).
 */
public final class ClassHistogram {

    /** Objects and bytes of one class. */
    public record Live(long objects, long bytes) {
        static final Live NONE = new Live(0, 0);

        Live plus(Live other) {
            return new Live(objects + other.objects, bytes + other.bytes);
        }
    }

    private static final String DIAGNOSTIC_COMMAND = "com.sun.management:type=DiagnosticCommand";
    /** {@code   1:   17145   1179936  [B (java.base@17.0.15)}: rank, instances, bytes, JVM class name, module. */
    private static final Pattern ROW =
            Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+).*$", Pattern.MULTILINE);

    /**
     * Dead space that the GC filled, which recent JDKs list as {@code jdk.internal.vm.FillerObject}
     * and {@code jdk.internal.vm.FillerElement[]}: no object of the program.
     */
    private static final String GC_FILLER = "jdk.internal.vm.Filler";

    private final Map<String, Live> classes;

    private ClassHistogram(Map<String, Live> classes) {
        this.classes = Collections.unmodifiableMap(classes);
    }

    /**
     * This JVM's histogram. The diagnostic command runs a full GC first, so only reachable objects
     * count; HotSpot does that collection even with {@code -XX:+DisableExplicitGC}.
     *
     * @throws IllegalStateException where the JVM has no such command (it is HotSpot's)
     */
    public static ClassHistogram take() {
        try {
            Object text = ManagementFactory.getPlatformMBeanServer()
                    .invoke(
                            new ObjectName(DIAGNOSTIC_COMMAND),
                            "gcClassHistogram",
                            new Object[] {new String[0]},
                            new String[] {String[].class.getName()});
            return parse((String) text);
        } catch (JMException | RuntimeException e) {
            throw new IllegalStateException(
                    "this JVM cannot print a class histogram (GC.class_histogram of " + DIAGNOSTIC_COMMAND + "): " + e,
                    e);
        }
    }

    /** Reads the command's text; a class that two class loaders loaded counts once, with both their objects. */
    static ClassHistogram parse(String text) {
        Map<String, Live> classes = new HashMap<>();
        Matcher row = ROW.matcher(text);
        while (row.find()) {
            String name = ClassNames.readable(row.group(3));
            if (name.startsWith(GC_FILLER)) {
                continue;
            }
            classes.merge(name, new Live(Long.parseLong(row.group(1)), Long.parseLong(row.group(2))), Live::plus);
        }
        if (classes.isEmpty()) {
            throw new IllegalStateException("no class in the class histogram: "
                    + text.lines().findFirst().orElse(""));
        }
        return new ClassHistogram(classes);
    }

    /** The classes that have more objects or bytes live now than in {@code before}, by how much. */
    public ClassHistogram growthSince(ClassHistogram before) {
        Map<String, Live> growth = new HashMap<>();
        classes.forEach((name, now) -> {
            Live then = before.get(name);
            long bytes = now.bytes - then.bytes;
            if (bytes > 0) {
                growth.put(name, new Live(Math.max(0, now.objects - then.objects), bytes));
            }
        });
        return new ClassHistogram(growth);
    }

    /** Readable class name ({@code byte[]}) to its live objects. */
    public Map<String, Live> classes() {
        return classes;
    }

    public Live get(String className) {
        return classes.getOrDefault(className, Live.NONE);
    }

    public long bytes() {
        return classes.values().stream().mapToLong(Live::bytes).sum();
    }
}
