package io.github.jmhpprof.recording.async;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jmhpprof.jmh.PprofProfiler;
import io.github.jmhpprof.model.ProfileKind;
import io.github.jmhpprof.recording.RecordingPlan;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.profile.ProfilerException;

class AsyncProfilerLibraryTest {

    @Test
    void missingJarSaysWhichDependencyToAdd() {
        Optional<String> reason = AsyncProfilerLibrary.unavailableReason(
                "one.profiler.NotThere", AsyncProfilerLibraryTest.class.getClassLoader());
        assertTrue(reason.isPresent());
        String message = reason.get();
        assertTrue(message.contains("engine=async needs async-profiler"), message);
        assertTrue(message.contains("one.profiler.NotThere is not on the class path"), message);
        assertTrue(
                message.contains("<groupId>tools.profiler</groupId><artifactId>async-profiler</artifactId>"), message);
        assertTrue(message.contains("tools.profiler:async-profiler:4.1"), message);
        assertTrue(message.contains("engine=jfr"), message);
    }

    @Test
    void aClassLoaderWithoutTheJarDoesNotFindIt() throws Exception {
        // Only the JDK's classes: what a JMH project without the optional dependency sees.
        try (URLClassLoader bare = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            Optional<String> reason = AsyncProfilerLibrary.unavailableReason(AsyncProfilerLibrary.API_CLASS, bare);
            assertTrue(
                    reason.orElse("").contains("Add the dependency tools.profiler:async-profiler"), reason.toString());
        }
    }

    @Test
    void loadsWhereTheJarShipsALibrary() {
        String os = System.getProperty("os.name").toLowerCase();
        String arch = System.getProperty("os.arch");
        boolean shipped =
                os.contains("mac") || os.contains("linux") && (arch.equals("amd64") || arch.equals("aarch64"));
        Assumptions.assumeTrue(shipped, "async-profiler ships no library for " + os + " " + arch);
        assertEquals(Optional.empty(), AsyncProfilerLibrary.unavailableReason());
    }

    @Test
    void engineAsyncIsAcceptedWhereTheLibraryLoads() {
        if (AsyncProfilerLibrary.unavailableReason().isEmpty()) {
            assertDoesNotThrow(() -> new PprofProfiler("engine=async;dir=" + Path.of("target", "async-ok")));
        } else {
            ProfilerException e = org.junit.jupiter.api.Assertions.assertThrows(
                    ProfilerException.class,
                    () -> new PprofProfiler("engine=async;dir=" + Path.of("target", "async-ok")));
            assertTrue(e.getMessage().startsWith("pprof: engine=async"), e.getMessage());
        }
    }

    @Test
    void startCommandAsksForCpuTimeAndAllocationsInJfrFormat() {
        RecordingPlan plan =
                RecordingPlan.of(ProfileKind.CPU, ProfileKind.ALLOC).withCpuInterval(Duration.ofMillis(10));
        String command = AsyncProfilerRecording.command(plan, 2048, Path.of("/tmp/x.jfr"), 524288);
        assertEquals("start,event=ctimer,interval=10000000,alloc=524288,jstackdepth=2048,file=/tmp/x.jfr,jfr", command);
    }
}
