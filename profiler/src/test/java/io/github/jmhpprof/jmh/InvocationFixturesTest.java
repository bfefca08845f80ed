package io.github.jmhpprof.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jmhpprof.model.Frame;
import io.github.jmhpprof.model.Labels;
import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.model.Stack;
import io.github.jmhpprof.model.ValueType;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

class InvocationFixturesTest {

    private static final String BENCHMARK = InvocationFixtureBenchmark.class.getName();
    private static final String INPUT = InvocationFixtureBenchmark.Input.class.getName();

    @Test
    void findsInvocationFixturesOfTheBenchmarkClassAndOfItsStateParametersOnly() {
        InvocationFixtures fixtures =
                InvocationFixtures.of(BENCHMARK + ".copy", getClass().getClassLoader());

        assertEquals(Set.of(INPUT + ".fill", BENCHMARK + ".check"), fixtures.methods());
    }

    @Test
    void findsANestedBenchmarkClassByJmhsDottedName() {
        String name = getClass().getName() + ".Nested.run";

        InvocationFixtures fixtures = InvocationFixtures.of(name, getClass().getClassLoader());

        assertEquals(
                Set.of(Nested.class.getName() + ".reset", Base.class.getName() + ".inherited"), fixtures.methods());
    }

    @Test
    void aGroupBringsTheStatesOfEachOfItsMethods() {
        String name = getClass().getName() + ".Grouped.pingPong";

        InvocationFixtures fixtures = InvocationFixtures.of(name, getClass().getClassLoader());

        assertEquals(Set.of(INPUT + ".fill"), fixtures.methods());
    }

    @Test
    void aBenchmarkWithoutInvocationFixturesHasNone() {
        assertTrue(InvocationFixtures.of(
                        WorkBenchmark.class.getName() + ".work", getClass().getClassLoader())
                .isEmpty());
        assertTrue(InvocationFixtures.of("no.such.Benchmark.run", getClass().getClassLoader())
                .isEmpty());
    }

    @Test
    void theShareCountsSamplesWhoseStacksPassThroughAFixture() {
        ProfileData profile = new ProfileData(
                List.of(new ValueType("alloc_space", "bytes")), new ValueType("space", "bytes"), 0, "alloc_space");
        Frame array = new Frame("java.util.Arrays", "copyOf", "", 1, false);
        profile.add(Stack.of(array, new Frame(INPUT, "fill", "", 2, false)), Labels.NONE, 300);
        profile.add(Stack.of(new Frame(BENCHMARK, "copy", "", 3, false)), Labels.NONE, 100);
        InvocationFixtures fixtures =
                InvocationFixtures.of(BENCHMARK + ".copy", getClass().getClassLoader());

        assertEquals(0.75, fixtures.share(profile, "alloc_space"), 1e-9);
    }

    @Test
    void theNoteGivesTheSharesAndAFilterThatLeavesTheFixturesOut() {
        InvocationFixtures fixtures = new InvocationFixtures(Set.of("a.B$C.setUp"));

        assertEquals(
                "Level.Invocation fixtures (B$C.setUp) are in the profiles, B/op and CPU ns/op, not in the score: "
                        + "66% of CPU, 64% of bytes; pprof -ignore='a\\.B\\$C\\.setUp' leaves them out",
                fixtures.note(0.664, 0.641));
        assertEquals(
                "Level.Invocation fixtures (B$C.setUp) are in the profiles, B/op and CPU ns/op, not in the score: "
                        + "64% of bytes; pprof -ignore='a\\.B\\$C\\.setUp' leaves them out",
                fixtures.note(null, 0.641));
    }

    public static class Grouped {
        @Group("pingPong")
        public void ping() {}

        @Group("pingPong")
        public void pong(InvocationFixtureBenchmark.Input input) {}
    }

    @State(Scope.Thread)
    public static class Base {
        @TearDown(Level.Invocation)
        public void inherited() {}
    }

    public static class Nested extends Base {
        public void run() {}

        @Setup(Level.Invocation)
        public void reset() {}

        @Setup(Level.Iteration)
        public void perIteration() {}
    }
}
