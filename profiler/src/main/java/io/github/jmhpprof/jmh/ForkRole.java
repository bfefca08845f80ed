package io.github.jmhpprof.jmh;

import java.util.List;

/**
 * What the JVM that runs a benchmark is, as the host told it through system properties:
 * measured fork n of m, a warmup fork (whose results JMH discards, so it records nothing), or
 * the host itself ({@code -f 0}), which then also does the host's work.
 */
record ForkRole(Kind kind, int fork, int forks) {

    enum Kind {
        EMBEDDED,
        WARMUP,
        MEASURED
    }

    static final String FORK_PROPERTY = "jmhpprof.fork";
    static final String FORKS_PROPERTY = "jmhpprof.forks";

    static ForkRole current() {
        String fork = System.getProperty(FORK_PROPERTY);
        if (fork == null) {
            return new ForkRole(Kind.EMBEDDED, 1, 1);
        }
        if (fork.equals("warmup")) {
            return new ForkRole(Kind.WARMUP, 0, 0);
        }
        return new ForkRole(
                Kind.MEASURED, Integer.parseInt(fork), Integer.parseInt(System.getProperty(FORKS_PROPERTY, "1")));
    }

    /** The role of the fork launched {@code launch}-th (0-based) for a benchmark, warmup forks first as JMH runs them. */
    static ForkRole ofLaunch(int launch, int warmupForks, int forks) {
        return launch < warmupForks
                ? new ForkRole(Kind.WARMUP, 0, 0)
                : new ForkRole(Kind.MEASURED, launch - warmupForks + 1, forks);
    }

    List<String> jvmFlags() {
        return kind == Kind.WARMUP
                ? List.of("-D" + FORK_PROPERTY + "=warmup")
                : List.of("-D" + FORK_PROPERTY + "=" + fork, "-D" + FORKS_PROPERTY + "=" + forks);
    }
}
