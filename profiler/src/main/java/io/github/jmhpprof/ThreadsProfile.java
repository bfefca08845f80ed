package io.github.jmhpprof;

import io.github.jmhpprof.model.Labels;
import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.threads.ThreadStacks;

/** The threads profile of {@link Pprof}: the same {@link ThreadStacks} the JMH profiler writes. */
final class ThreadsProfile {

    private ThreadsProfile() {
    }

    static ProfileData now() {
        long at = System.currentTimeMillis();
        ThreadStacks stacks = ThreadStacks.takeAll();
        ProfileData profile = stacks.toProfile(Labels.NONE);
        profile.addComment("jdk: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        profile.addComment("sampler: ThreadMXBean.dumpAllThreads() of all " + stacks.threadCount() + " live threads of the JVM");
        profile.setTime(at * 1_000_000L, 0);
        return profile;
    }
}
