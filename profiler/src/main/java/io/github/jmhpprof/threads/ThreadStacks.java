package io.github.jmhpprof.threads;

import io.github.jmhpprof.model.ClassNames;
import io.github.jmhpprof.model.Frame;
import io.github.jmhpprof.model.Labels;
import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.model.Stack;
import io.github.jmhpprof.model.ValueType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The stacks of all live threads of this JVM at one instant, counted per stack, as Go's goroutine
 * profile counts goroutines: a thread leak shows as one stack with a large count. All threads
 * count, not only the benchmark's, since a leak may sit in a thread the benchmark never names.
 * Threads are told apart by their name with every run of digits replaced by {@code #}, so the
 * threads of one pool, or the leaked threads of one call site, add up instead of splitting.
 */
public final class ThreadStacks {

    /** Stands for a thread with no Java frames, such as the JVM's signal dispatcher. */
    public static final Frame NO_JAVA_FRAMES = Frame.synthetic("[no Java frames]");

    private static final Pattern DIGITS = Pattern.compile("\\d+");

    private record Key(Stack stack, String threadFamily, String state) {}

    private final Map<Key, Long> counts = new HashMap<>();
    private long threads;

    /**
     * Takes the stacks of all live threads now. {@code ThreadMXBean} rather than
     * {@code Thread.getAllStackTraces()}: it reads each thread's state together with its stack,
     * where asking the thread for its state afterwards may find it already moved on or ended.
     */
    public static ThreadStacks takeAll() {
        ThreadStacks stacks = new ThreadStacks();
        for (ThreadInfo info : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false)) {
            if (info != null) {
                stacks.add(info.getThreadName(), info.getThreadState(), info.getStackTrace());
            }
        }
        return stacks;
    }

    /** Adds one thread; public for tests and for engines that walk threads themselves. */
    public void add(String name, Thread.State state, StackTraceElement[] trace) {
        counts.merge(new Key(stack(trace), family(name), state.name()), 1L, Long::sum);
        threads++;
    }

    public long threadCount() {
        return threads;
    }

    /** {@code pool-3-thread-17} becomes {@code pool-#-thread-#}. */
    static String family(String threadName) {
        return DIGITS.matcher(threadName).replaceAll("#");
    }

    private static Stack stack(StackTraceElement[] trace) {
        if (trace.length == 0) {
            return Stack.of(NO_JAVA_FRAMES);
        }
        List<Frame> frames = new ArrayList<>(trace.length);
        for (StackTraceElement e : trace) {
            // A stack trace names no descriptor and tells no inlined frame from a real one.
            // Foo$$Lambda$107/0x00007f86cc0238d0 changes from run to run: Foo$$Lambda, as in the other profiles.
            frames.add(new Frame(
                    ClassNames.stable(e.getClassName()), e.getMethodName(), "", Math.max(0, e.getLineNumber()), false));
        }
        return new Stack(frames);
    }

    /**
     * The profile with one sample type, {@code threads/count}, period {@code threads/count} 1, as
     * Go's goroutine profile has {@code goroutine/count}. Labels: {@code thread} (the name family)
     * and {@code state} ({@link Thread.State}).
     */
    public ProfileData toProfile(Labels labels) {
        ProfileData profile =
                new ProfileData(List.of(new ValueType("threads", "count")), new ValueType("threads", "count"), 1, null);
        counts.forEach((key, n) -> profile.add(
                key.stack(), labels.with("thread", key.threadFamily()).with("state", key.state()), n));
        return profile;
    }
}
