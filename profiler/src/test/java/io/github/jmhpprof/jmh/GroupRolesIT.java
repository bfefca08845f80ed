package io.github.jmhpprof.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jmhpprof.testing.RawProfile;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each thread of a two-method @Group is labelled with the method (role) it ran, as its stacks show. */
class GroupRolesIT {

    @Test
    void everySampleOfAGroupThreadCarriesItsMethod() throws Exception {
        Path dir = JmhRuns.newOutputDir("group-roles");
        JmhRuns.run(JmhRuns.shortRun(ThreadsBenchmark.class.getName() + ".pair", dir, "events=cpu,alloc"));
        Path folder = JmhRuns.benchmarkFolder(dir, "ThreadsBenchmark.pair");
        for (String file : new String[] {"cpu.pb.gz", "alloc.pb.gz"}) {
            RawProfile profile = RawProfile.of(folder.resolve(file));
            Map<String, String> roleByThread = new HashMap<>();
            int checked = 0;
            for (RawProfile.Sample sample : profile.samples()) {
                String thread = sample.labels().get("thread");
                String role = sample.labels().get(GroupRoles.LABEL);
                if (!thread.contains("jmh-worker")) {
                    continue;
                }
                assertTrue(role != null, file + ": a worker's sample without a role: " + sample.labels());
                String earlier = roleByThread.putIfAbsent(thread, role);
                assertTrue(earlier == null || earlier.equals(role), file + ": " + thread + " has two roles");
                // Ground truth: the stack says which method the sample ran, when it ran one.
                for (String function : profile.functions(sample)) {
                    if (function.equals(ThreadsBenchmark.class.getName() + ".small")
                            || function.equals(ThreadsBenchmark.class.getName() + ".large")) {
                        assertEquals(function.substring(function.lastIndexOf('.') + 1), role, file + " " + thread);
                        checked++;
                    }
                }
            }
            assertEquals(
                    Map.of("small", 1L, "large", 1L),
                    roleByThread.values().stream()
                            .collect(java.util.stream.Collectors.groupingBy(
                                    r -> r, java.util.stream.Collectors.counting())),
                    file + ": one thread per role, got " + roleByThread);
            assertTrue(checked > 0, file + ": some samples show the method itself");
        }
    }
}
