package io.github.jmhpprof.threads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jmhpprof.model.Labels;
import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.model.Sample;
import io.github.jmhpprof.model.Stack;
import io.github.jmhpprof.model.ValueType;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

class ThreadStacksTest {

    private static final StackTraceElement[] PUT = {
        new StackTraceElement("jdk.internal.misc.Unsafe", "park", null, -2),
        new StackTraceElement("java.util.concurrent.SynchronousQueue", "put", "SynchronousQueue.java", 344),
        new StackTraceElement("org.example.Lookup", "slowLookup", "Lookup.java", 40),
    };

    @Test
    void threadsOfOneStackAndNameFamilyAddUpToOneCount() {
        ThreadStacks stacks = new ThreadStacks();
        for (int i = 1; i <= 1000; i++) {
            stacks.add("leaky-lookup-" + i, Thread.State.WAITING, PUT);
        }
        stacks.add("main", Thread.State.RUNNABLE, new StackTraceElement[0]);

        ProfileData p = stacks.toProfile(Labels.NONE);

        assertEquals(List.of(new ValueType("threads", "count")), p.sampleTypes());
        assertEquals(new ValueType("threads", "count"), p.periodType());
        assertEquals(1001, stacks.threadCount());
        assertEquals(2, p.samples().size());
        Sample leak = p.samples().stream()
                .filter(s -> s.values()[0] == 1000)
                .findFirst()
                .orElseThrow();
        assertEquals("leaky-lookup-#", leak.labels().get("thread"));
        assertEquals("WAITING", leak.labels().get("state"));
        assertEquals(
                "org.example.Lookup.slowLookup", leak.stack().frames().get(2).functionName());
        assertEquals(0, leak.stack().leaf().line(), "a native frame's -2 becomes unknown");
        Sample main =
                p.samples().stream().filter(s -> s.values()[0] == 1).findFirst().orElseThrow();
        assertEquals(Stack.of(ThreadStacks.NO_JAVA_FRAMES), main.stack());
    }

    @Test
    void digitRunsInNamesBecomeHashes() {
        assertEquals("pool-#-thread-#", ThreadStacks.family("pool-3-thread-17"));
        assertEquals("main", ThreadStacks.family("main"));
    }

    @Test
    void lambdaClassNamesLoseTheirRunSpecificSuffix() {
        ThreadStacks stacks = new ThreadStacks();
        StackTraceElement jdk17 =
                new StackTraceElement("org.example.Lookup$$Lambda$107/0x00007f86cc0238d0", "run", null, -1);
        StackTraceElement jdk21 =
                new StackTraceElement("org.example.Lookup$$Lambda/0x00007f0001234800", "run", null, -1);
        stacks.add("a", Thread.State.RUNNABLE, new StackTraceElement[] {jdk17});
        stacks.add("a", Thread.State.RUNNABLE, new StackTraceElement[] {jdk21});
        Sample only = stacks.toProfile(Labels.NONE).samples().get(0);
        assertEquals(2, only.values()[0], "both name the same frame");
        assertEquals("org.example.Lookup$$Lambda.run", only.stack().leaf().functionName());
    }

    @Test
    void takesEveryLiveThreadOfThisJvm() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        List<Thread> parked = new java.util.ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Thread t = new Thread(
                    () -> {
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    },
                    "stacks-test-" + i);
            t.setDaemon(true);
            t.start();
            parked.add(t);
        }
        try {
            for (Thread t : parked) {
                while (t.getState() != Thread.State.WAITING) {
                    Thread.sleep(1);
                }
            }
            ProfileData p = ThreadStacks.takeAll().toProfile(Labels.NONE);
            long waiting = p.samples().stream()
                    .filter(s -> "stacks-test-#".equals(s.labels().get("thread")))
                    .mapToLong(s -> s.values()[0])
                    .sum();
            assertEquals(3, waiting);
            assertTrue(p.total(0) >= 4, "this thread and the JVM's own count too: " + p.total(0));
        } finally {
            release.countDown();
        }
    }
}
