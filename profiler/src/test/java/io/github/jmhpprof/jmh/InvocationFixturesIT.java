package io.github.jmhpprof.jmh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jmhpprof.testing.GoPprof;
import io.github.jmhpprof.testing.RawProfile;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A benchmark whose Level.Invocation set-up allocates 87.4 % of its bytes, in a real fork: the
 * profiles and the summary say how much is fixture, and the pprof filter they suggest leaves
 * exactly the benchmark's own bytes.
 */
class InvocationFixturesIT {

    private static final String INPUT = InvocationFixtureBenchmark.Input.class.getName();

    private static final double FIXTURE_SHARE = (16.0 + InvocationFixtureBenchmark.INPUT_LENGTH)
            / (16 + InvocationFixtureBenchmark.INPUT_LENGTH + 16 + InvocationFixtureBenchmark.OUTPUT_LENGTH);

    @Test
    void theProfilesAndTheSummarySayHowMuchIsFixture() throws Exception {
        Path dir = JmhRuns.newOutputDir("invocation-fixtures");
        PrintedOutput.Captured<?> run = PrintedOutput.during(
                () -> JmhRuns.run(JmhRuns.shortRun(InvocationFixtureBenchmark.class.getName(), dir, "")));
        String fixtures = "InvocationFixtureBenchmark$Input.fill, InvocationFixtureBenchmark.check";
        assertTrue(run.printed().contains("Level.Invocation fixtures (" + fixtures + ")"), run.printed());

        Path alloc =
                JmhRuns.benchmarkFolder(dir, "InvocationFixtureBenchmark.copy").resolve("alloc.pb.gz");
        RawProfile raw = RawProfile.parse(GoPprof.run(List.of("-raw"), alloc).assertNoStderr());
        String comment = raw.comment("fixtures");
        Matcher m =
                Pattern.compile("^(\\d+)% of this profile .* -ignore='([^']+)'").matcher(comment);
        assertTrue(m.find(), comment);
        double share = Integer.parseInt(m.group(1)) / 100.0;
        // A few hundred allocation samples in 0.6 s of measurement: the share within 8 points.
        assertTrue(Math.abs(share - FIXTURE_SHARE) <= 0.08, "fixture share " + share + ", truth " + FIXTURE_SHARE);
        assertTrue(comment.contains("(" + fixtures + ")"), comment);

        // The filter the comment suggests, applied by pprof itself: what it keeps is the benchmark's own 1,040 B/op.
        Path filtered = dir.resolve("filtered.pb.gz");
        // pprof says "Generating report in ..." on stderr here, so only its exit code is checked.
        GoPprof.Result written =
                GoPprof.run(List.of("-ignore=" + m.group(2), "-proto", "-output", filtered.toString()), alloc);
        assertEquals(0, written.exitCode(), written.stderr());
        RawProfile kept = RawProfile.of(filtered);
        assertTrue(
                kept.samples().stream().noneMatch(s -> kept.functions(s).contains(INPUT + ".fill")),
                "-ignore left a sample of the set-up");
        double keptPerOp = (double) kept.total("alloc_space") / Long.parseLong(raw.comment("operations"));
        double ownBytes = 16 + InvocationFixtureBenchmark.OUTPUT_LENGTH;
        // The benchmark's own bytes hold about 12 % of a few hundred samples (error about 12 %), so
        // within half, which still tells them from the 8,224 B/op with the fixture.
        assertTrue(
                Math.abs(keptPerOp / ownBytes - 1) <= 0.5,
                "kept " + keptPerOp + " B/op, the benchmark's own " + ownBytes);
    }
}
