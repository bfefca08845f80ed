package io.github.jmhpprof;

import io.github.jmhpprof.model.Labels;
import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.recording.SamplerText;
import io.github.jmhpprof.threads.ThreadStacks;

/** The threads profile of {@link Pprof}: the same {@link ThreadStacks} the JMH profiler writes. */
final class ThreadsProfile {

    private ThreadsProfile() {}

    static ProfileData now() {
        long at = System.currentTimeMillis();
        ThreadStacks stacks = ThreadStacks.takeAll();
        ProfileData profile = stacks.toProfile(Labels.NONE);
        SamplerText.comment(profile, SamplerText.threads(stacks.threadCount(), ""));
        profile.setTime(at * 1_000_000L, 0);
        return profile;
    }
}
