package io.github.jmhpprof.jmh;

import io.github.jmhpprof.model.Frame;
import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.model.ProfileKind;
import io.github.jmhpprof.model.Sample;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A benchmark's {@code @Setup(Level.Invocation)} and {@code @TearDown(Level.Invocation)} methods.
 * JMH leaves their time out of the score, but they run inside the measured iterations, on the
 * benchmark threads: their CPU time and allocations are in the profiles, in B/op (as in JMH's own
 * {@code -prof gc}) and in CPU ns/op. Tried on Apache Commons Lang's
 * {@code StringUtilsGetDigitsBenchmark}, whose per-invocation set-up builds a random string: it
 * held 66-67 % of the CPU profile and 64-65 % of the allocated bytes in two runs, and its
 * StringBuilder was the summary's top allocation site. So the profiles and the summary say how
 * much is fixture. Found in the host, which has the benchmark's classes as the forks do, and
 * measured on the profiles merged over the forks.
 *
 * @param methods         the fixtures, as {@code binary.ClassName.method}
 * @param classesByMethod the same, by method name: a profile frame is checked without building a string
 */
record InvocationFixtures(Set<String> methods, Map<String, Set<String>> classesByMethod) {

    static final InvocationFixtures NONE = new InvocationFixtures(Set.of());

    InvocationFixtures(Set<String> methods) {
        this(methods, byMethodName(methods));
    }

    private static Map<String, Set<String>> byMethodName(Set<String> methods) {
        return methods.stream()
                .collect(Collectors.groupingBy(
                        m -> m.substring(m.lastIndexOf('.') + 1),
                        Collectors.mapping(m -> m.substring(0, m.lastIndexOf('.')), Collectors.toUnmodifiableSet())));
    }

    /** {@link #of}, with this class's loader; none where the benchmark's class does not load. */
    static InvocationFixtures find(String benchmark) {
        try {
            return of(benchmark, InvocationFixtures.class.getClassLoader());
        } catch (RuntimeException | LinkageError e) {
            return NONE; // a class that does not load here has no fixtures to point out
        }
    }

    /**
     * The fixtures of the benchmark's state objects: its class where that is a {@code @State},
     * the {@code @State} parameters of its method (of each method of a {@code @Group}), and theirs
     * in turn.
     *
     * @param benchmark JMH's benchmark name, {@code package.Class.method} ({@code Outer.Inner} for a nested class)
     */
    static InvocationFixtures of(String benchmark, ClassLoader loader) {
        int dot = benchmark.lastIndexOf('.');
        Class<?> type = benchmarkClass(benchmark.substring(0, dot), loader);
        if (type == null) {
            return NONE;
        }
        String methodName = benchmark.substring(dot + 1);
        Deque<Class<?>> states = new ArrayDeque<>();
        if (isState(type)) {
            states.add(type);
        }
        for (Method m : type.getMethods()) {
            Group group = m.getAnnotation(Group.class);
            // A @Group benchmark is named after its group: each of its methods brings its states.
            if (m.getName().equals(methodName)
                    || (group != null && group.value().equals(methodName))) {
                addStates(m, states);
            }
        }
        Set<String> fixtures = new LinkedHashSet<>();
        Set<Class<?>> seen = new HashSet<>();
        while (!states.isEmpty()) {
            for (Class<?> c = states.poll(); c != null && c != Object.class && seen.add(c); c = c.getSuperclass()) {
                for (Method m : c.getDeclaredMethods()) {
                    if (runsPerInvocation(m)) {
                        fixtures.add(c.getName() + "." + m.getName());
                    }
                    if (m.isAnnotationPresent(Setup.class) || m.isAnnotationPresent(TearDown.class)) {
                        addStates(m, states);
                    }
                }
            }
        }
        return fixtures.isEmpty() ? NONE : new InvocationFixtures(Set.copyOf(fixtures));
    }

    boolean isEmpty() {
        return methods.isEmpty();
    }

    /**
     * The share of the CPU or allocation profile ({@code cpu}, {@code alloc_space}) in fixtures;
     * null for other kinds, a missing profile, or no fixtures.
     */
    Double share(ProfileKind kind, ProfileData profile) {
        if (isEmpty() || profile == null) {
            return null;
        }
        return switch (kind) {
            case CPU -> share(profile, "cpu");
            case ALLOC -> share(profile, "alloc_space");
            default -> null;
        };
    }

    /** The share of the profile's values of type {@code sampleType} whose stacks pass through a fixture. */
    double share(ProfileData profile, String sampleType) {
        int index = profile.indexOf(sampleType);
        long total = profile.total(index);
        if (total == 0) {
            return 0;
        }
        long inFixtures = 0;
        for (Sample sample : profile.samples()) {
            if (passesThrough(sample)) {
                inFixtures += sample.values()[index];
            }
        }
        return (double) inFixtures / total;
    }

    /** The value of the {@code fixtures:} comment of a profile that holds {@code share} of its values in fixtures. */
    String comment(double share) {
        return String.format(
                Locale.ROOT,
                "%.0f%% of this profile is in Level.Invocation fixtures (%s), which JMH keeps out of the score;"
                        + " -ignore='%s' leaves them out",
                100 * share,
                names(),
                ignoreRegex());
    }

    /** The summary's note, with each profile's share; null shares are profiles not written. */
    String note(Double cpuShare, Double allocShare) {
        StringBuilder shares = new StringBuilder();
        if (cpuShare != null) {
            shares.append(String.format(Locale.ROOT, "%.0f%% of CPU", 100 * cpuShare));
        }
        if (allocShare != null) {
            shares.append(shares.length() > 0 ? ", " : "")
                    .append(String.format(Locale.ROOT, "%.0f%% of bytes", 100 * allocShare));
        }
        return "Level.Invocation fixtures (" + names() + ") are in the profiles, B/op and CPU ns/op, not in the score"
                + (shares.length() > 0 ? ": " + shares : "") + "; pprof -ignore='" + ignoreRegex()
                + "' leaves them out";
    }

    private boolean passesThrough(Sample sample) {
        for (Frame frame : sample.stack().frames()) {
            Set<String> classes = classesByMethod.get(frame.methodName());
            if (classes != null && classes.contains(frame.className())) {
                return true;
            }
        }
        return false;
    }

    /** Short names, {@code Class.method}, for the reader. */
    private String names() {
        return methods.stream()
                .sorted()
                .map(m -> m.substring(m.lastIndexOf('.', m.lastIndexOf('.') - 1) + 1))
                .collect(Collectors.joining(", "));
    }

    /** A pprof regex that matches the fixtures' function names (pprof shows {@code $} of nested classes as is). */
    private String ignoreRegex() {
        return methods.stream()
                .sorted()
                .map(m -> m.replace(".", "\\.").replace("$", "\\$"))
                .collect(Collectors.joining("|"));
    }

    private static boolean runsPerInvocation(Method m) {
        Setup setup = m.getAnnotation(Setup.class);
        TearDown tearDown = m.getAnnotation(TearDown.class);
        return (setup != null && setup.value() == Level.Invocation)
                || (tearDown != null && tearDown.value() == Level.Invocation);
    }

    private static void addStates(Method m, Deque<Class<?>> states) {
        for (Class<?> p : m.getParameterTypes()) {
            if (isState(p)) {
                states.add(p);
            }
        }
    }

    private static boolean isState(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getSuperclass()) {
            if (k.isAnnotationPresent(State.class)) {
                return true;
            }
        }
        return false;
    }

    /** The class of a benchmark name's class part: {@code a.b.Outer.Inner} is {@code a.b.Outer$Inner}. */
    private static Class<?> benchmarkClass(String name, ClassLoader loader) {
        String candidate = name;
        while (true) {
            try {
                return Class.forName(candidate, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                int dot = candidate.lastIndexOf('.');
                if (dot < 0) {
                    return null;
                }
                candidate = candidate.substring(0, dot) + "$" + candidate.substring(dot + 1);
            }
        }
    }
}
