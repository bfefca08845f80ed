package io.github.jmhpprof.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jmhpprof.model.ProfileKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProfilerOptionsTest {

    @Test
    void defaultsMatchGo() throws Exception {
        ProfilerOptions o = ProfilerOptions.parse("");
        assertEquals(Path.of("pprof"), o.dir());
        assertEquals(EnumSet.of(ProfileKind.CPU, ProfileKind.ALLOC), o.events());
        assertEquals(Duration.ofMillis(10), o.interval());
        assertEquals(1000, o.allocSamplesPerSecond());
        assertEquals(2048, o.stackDepth());
        assertEquals(CpuSampler.AUTO, o.cpuSampler());
        assertEquals(false, o.jvmCpu());
        assertEquals(Duration.ofNanos(10_000), o.blockThreshold());
        assertEquals(Duration.ofNanos(10_000), o.mutexThreshold());
        assertEquals(256, o.heapSamples());
        assertEquals(Engine.AUTO, o.engine(), "async-profiler wherever it loads, JFR elsewhere");
        assertEquals(
                Stacks.BENCHMARK,
                o.stacks(),
                "the harness frames folded into one root, as Go's benchmark profiles start near the benchmark");
        assertEquals(Stacks.FULL, ProfilerOptions.parse("stacks=full").stacks());
    }

    @Test
    void readsTheEngine() throws Exception {
        assertEquals(Engine.ASYNC, ProfilerOptions.parse("engine=async").engine());
        assertEquals(Engine.AUTO, ProfilerOptions.parse("engine=auto").engine());
        assertEquals(Engine.JFR, ProfilerOptions.parse("engine=jfr").engine());
    }

    @Test
    void readsTheOptInProfilesAndTheirSettings() throws Exception {
        ProfilerOptions o = ProfilerOptions.parse(
                "events=cpu,alloc,block,mutex,heap,threads;blockThreshold=0;mutexThreshold=1ms;heapSamples=1024");
        assertEquals(EnumSet.allOf(ProfileKind.class), o.events());
        assertEquals(Duration.ZERO, o.blockThreshold());
        assertEquals(Duration.ofMillis(1), o.mutexThreshold());
        assertEquals(1024, o.heapSamples());
    }

    @Test
    void readsJmhSyntax() throws Exception {
        ProfilerOptions o =
                ProfilerOptions.parse("dir=out;events=cpu;interval=2ms;allocRate=200/s;stackDepth=128;cpu=execution");
        assertEquals(Path.of("out"), o.dir());
        assertEquals(EnumSet.of(ProfileKind.CPU), o.events());
        assertEquals(Duration.ofMillis(2), o.interval());
        assertEquals(200, o.allocSamplesPerSecond());
        assertEquals(128, o.stackDepth());
        assertEquals(CpuSampler.EXECUTION, o.cpuSampler());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "colour=red              | unknown option 'colour'",
                "interval=10parsecs      | option 'interval' has a bad value '10parsecs'",
                "interval=-5ms           | option 'interval' has a bad value '-5ms'",
                "interval=100us          | at least 1ms",
                "allocRate=-1/s          | option 'allocRate' has a bad value '-1/s'",
                "allocRate=0             | a positive rate per second",
                "stackDepth=10           | from 64 to 2048",
                "stackDepth=deep         | option 'stackDepth' has a bad value 'deep'",
                "events=cpu,disk         | a comma list of cpu, alloc, block, mutex, heap, threads",
                "blockThreshold=5        | option 'blockThreshold' has a bad value '5'; expected 0 (every wait)",
                "mutexThreshold=11s      | up to 10s",
                "heapSamples=0           | from 1 to 65536",
                "heapSamples=many        | option 'heapSamples' has a bad value 'many'",
                "stacks=all              | option 'stacks' has a bad value 'all'; expected one of benchmark, full",
                "cpu=fast                | one of auto, cputime, execution",
                "engine=perf             | option 'engine' has a bad value 'perf'; expected one of auto, async, jfr",
                "dir=a;dir=b             | given twice",
                "interval                | options are key=value pairs",
                "events=                 | has no value",
                "'events=,'              | none empty",
                "'events=cpu,,alloc'     | none empty",
                "'events=cpu,'           | none empty",
                "jvmCpu=yes              | option 'jvmCpu' has a bad value 'yes'; expected true or false",
            })
    void badOptionsNameTheOptionAndTheAcceptedForm(String line, String expected) {
        OptionSyntaxException e = assertThrows(OptionSyntaxException.class, () -> ProfilerOptions.parse(line));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void helpListsEveryOptionWithItsDefault() {
        String help = ProfilerOptions.help();
        for (OptionSpec<?> spec : ProfilerOptions.SPECS) {
            assertTrue(
                    help.contains(spec.name() + "=") && help.contains("(default: " + spec.shownDefault() + ")"), help);
        }
    }
}
