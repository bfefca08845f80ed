package io.github.jmhpprof.benchmarks;

import io.github.jmhpprof.benchmarks.PprofText.TopRow;
import io.github.jmhpprof.testing.GoPprof;
import io.github.jmhpprof.testing.RawProfile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Opens the profiles of one real JMH run in the viewers users open them with: every report of
 * the {@code go tool pprof} CLI, pprof's web UI in headless Chromium, and a second, independent
 * decoder ({@code pprof-format} in Node.js). Each must work without a warning and show the
 * benchmark's own functions, with units and totals that agree with {@code -raw}.
 */
class ViewerConformanceIT {

    private static final String PKG = BenchmarksJar.PKG;
    private static final String BUBBLE = "BubbleSortBenchmark.bubbleSort";
    private static final String PLUS = "ConcatBenchmark.plus";
    private static final String BUILDER = "ConcatBenchmark.builder";
    private static final List<String> BENCHMARKS = List.of(BUBBLE, PLUS, BUILDER);
    /** The files of each benchmark folder: totals over the measurement, and the same per 1000 operations. */
    private static final List<String> KINDS = List.of("cpu", "alloc", "cpu-per-op", "alloc-per-op");

    /** The harness frames above the benchmark method (JMH, reflection, the executor); the README's -hide. */
    static final String HIDE_HARNESS = "jmh_generated|org\\.openjdk|reflect|java\\.util\\.concurrent|java\\.lang\\.(Thread|invoke)\\.";

    /** StringBuilder's growth: ensureCapacityInternal on JDK 17, ensureCapacityNewCoder on JDK 25. */
    private static final String GROWTH = "java\\.lang\\.AbstractStringBuilder\\.ensureCapacity\\w*";

    private static final double ROUNDING = 0.01; // pprof prints about four significant digits
    private static final Pattern TIME = Pattern.compile("of -?[\\d.]+(ns|us|ms|s|mins|hrs) total");
    private static final Pattern BYTES = Pattern.compile("of -?[\\d.]+(B|kB|MB|GB|TB) total");
    private static final Pattern LIST_LINE = Pattern.compile("^\\s*(\\S+)\\s+(\\S+)\\s+(\\d+):(.*)$");

    private static BenchmarksJar.Run run;
    private static Path pprofDir;
    private static final Map<String, Path> FILES = new LinkedHashMap<>();
    private static final Map<String, RawProfile> RAW = new HashMap<>();

    @BeforeAll
    static void runBubbleSortAndConcatWithPprof() throws Exception {
        Path dir = BenchmarksJar.newWorkDir("viewers");
        run = BenchmarksJar.run(dir, 300, List.of("BubbleSort|Concat",
                "-f", "1", "-wi", "2", "-w", "500ms", "-i", "3", "-r", "500ms", "-prof", "pprof"));
        assertEquals(0, run.exitCode(), run.output());
        pprofDir = dir.resolve("pprof");
        for (String benchmark : BENCHMARKS) {
            Path folder = folder(pprofDir, benchmark);
            for (String kind : KINDS) {
                Path file = folder.resolve(kind + ".pb.gz");
                assertTrue(Files.isRegularFile(file), file + " exists");
                FILES.put(benchmark + "/" + kind, file);
            }
        }
    }

    /** Every profile of the run, as BENCHMARK/KIND. */
    static Stream<String> profiles() {
        return BENCHMARKS.stream().flatMap(b -> KINDS.stream().map(k -> b + "/" + k));
    }

    // ---------------------------------------------------------------- go tool pprof CLI

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void topShowsTheHotFunctionsWithUnitsAndTheTotalOfRaw(String profile) {
        // -nodefraction=0: pprof drops no small node, so the rows add up to the total.
        String top = pprof(profile, "-top", "-nodefraction=0");
        assertTrue(top.contains("Type: " + defaultType(profile) + "\n"), top);
        assertTrue((isCpu(profile) ? TIME : BYTES).matcher(top).find(), "unit of the total:\n" + top);
        double total = total(profile);
        assertTrue(total > 0, profile + " has samples");
        assertClose(total, PprofText.total(top), "the total vs -raw", top);
        assertClose(total, PprofText.showing(top), "all nodes shown", top);
        List<TopRow> rows = PprofText.topRows(top);
        assertClose(total, rows.stream().mapToDouble(TopRow::flat).sum(), "sum of flat", top);

        switch (withoutPerOp(profile)) {
            case BUBBLE + "/cpu" -> assertFlatShare(rows, PKG + BUBBLE, 90, top);
            case BUBBLE + "/alloc" -> assertFlatShare(rows, "java.util.Arrays.copyOf", 90, top);
            case PLUS + "/alloc" -> assertCumShare(rows, "java.lang.StringConcatHelper.simpleConcat", 90, top);
            case BUILDER + "/alloc" -> {
                // Both paths show. Their split comes from JFR's sampling: about 72/28 by the code, but
                // from 31 % to 95 % for copyOf across runs here, so only their presence is checked.
                assertFlatShare(rows, "java.util.Arrays.copyOf", 1, top);
                assertFlatShare(rows, "java.util.Arrays.copyOfRange", 1, top);
                TopRow growth = PprofText.rowMatching(rows, GROWTH).orElseThrow(() -> new AssertionError(top));
                assertTrue(growth.cumPercent() >= 1, "StringBuilder growth:\n" + top);
            }
            default -> assertTrue(PprofText.row(rows, PKG + benchmark(profile)).isPresent(), top);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void topCumStartsAtTheThreadRootAndReachesTheBenchmarkMethod(String profile) {
        String top = pprof(profile, "-top", "-cum");
        List<TopRow> rows = PprofText.topRows(top);
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i).cum() <= rows.get(i - 1).cum(), "sorted by cum at row " + i + ":\n" + top);
        }
        // Every stack starts at the worker thread's root, except synthetic ones such as [lost samples].
        double synthetic = rows.stream().filter(r -> PprofText.isSynthetic(r.name())).mapToDouble(TopRow::flat).sum();
        assertClose(total(profile) - synthetic, rows.get(0).cum(), "the first row holds every real stack", top);
        TopRow method = PprofText.row(rows, PKG + benchmark(profile))
                .orElseThrow(() -> new AssertionError("no " + benchmark(profile) + " in:\n" + top));
        // The concatenation CPU profiles are small (JFR sees few samples there); the others must
        // sit almost entirely under the benchmark method.
        double minimum = isCpu(profile) && !profile.startsWith(BUBBLE) ? 1 : 90;
        assertTrue(method.cumPercent() >= minimum, "cum% of the benchmark method >= " + minimum + ":\n" + top);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void listShowsTheBenchmarkSourceWithItsCost(String profile) {
        String benchmark = benchmark(profile);
        String list = pprof(profile, "-list", benchmark.replace(".", "\\.") + "$",
                "-source_path=" + System.getProperty("benchmarks.sourceRoot"));
        String className = benchmark.substring(0, benchmark.indexOf('.'));
        assertTrue(list.contains("ROUTINE ======================== " + PKG + benchmark
                + " in io/github/jmhpprof/benchmarks/" + className + ".java"), list);
        assertFalse(list.contains("Error:"), "the source file was found:\n" + list);
        switch (withoutPerOp(profile)) {
            case BUBBLE + "/cpu" -> assertListed(list, "if (nums[j] < nums[j - 1])", 1, "ns", "us", "ms", "s");
            case BUBBLE + "/alloc" -> assertListed(list, "int[] nums = Arrays.copyOf(unsorted, unsorted.length);",
                    2, "B", "kB", "MB", "GB");
            case PLUS + "/alloc" -> assertListed(list, "s += part;", 2, "B", "kB", "MB", "GB");
            case BUILDER + "/alloc" -> {
                assertListed(list, "s.append(part);", 2, "B", "kB", "MB", "GB");
                assertListed(list, "return s.toString();", 2, "B", "kB", "MB", "GB");
            }
            default -> assertTrue(list.contains("for (String part : parts) {"), list);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void tracesCarryTheLabelsAndAddUpToTheTotal(String profile) {
        String out = pprof(profile, "-traces");
        List<PprofText.Trace> traces = PprofText.traces(out);
        assertFalse(traces.isEmpty(), out);
        for (PprofText.Trace trace : traces) {
            assertEquals(PKG + benchmark(profile), trace.labels().get("benchmark"), out);
            assertTrue(trace.labels().getOrDefault("thread", "").contains("-jmh-worker-"), trace.labels().toString());
            if (!(trace.frames().size() == 1 && PprofText.isSynthetic(trace.frames().get(0)))) {
                assertEquals("java.lang.Thread.run", trace.frames().get(trace.frames().size() - 1), "root frame:\n" + out);
            }
        }
        if (profile.startsWith(BUBBLE)) {
            traces.forEach(t -> assertEquals("1000", t.labels().get("n"), "the @Param is a label"));
        }
        assertClose(total(profile), traces.stream().mapToDouble(PprofText.Trace::value).sum(), "sum of traces", out);
        assertTrue(traces.stream().anyMatch(t -> t.frames().contains(PKG + benchmark(profile))), out);
        if (profile.equals(BUBBLE + "/cpu")) {
            PprofText.Trace biggest = traces.stream().max((a, b) -> Double.compare(a.value(), b.value())).orElseThrow();
            assertEquals(PKG + BUBBLE, biggest.frames().get(0), "leaf of the heaviest trace:\n" + out);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void tagsListTheBenchmarkAndThreadLabels(String profile) {
        String tags = pprof(profile, "-tags");
        Map<String, String> totals = PprofText.tagTotals(tags);
        assertTrue(totals.keySet().containsAll(List.of("benchmark", "thread")), tags);
        // Every sample carries these two, so their totals are the profile's; pprof prints them with one decimal.
        for (String key : List.of("benchmark", "thread")) {
            assertTrue(PprofText.isRounded(totals.get(key), total(profile), 1),
                    "total of tag " + key + " is " + totals.get(key) + ", want " + total(profile) + " rounded\n" + tags);
        }
        assertEquals(List.of(PKG + benchmark(profile)), PprofText.tagValues(tags, "benchmark"), tags);
        List<String> threads = PprofText.tagValues(tags, "thread");
        assertFalse(threads.isEmpty(), tags);
        threads.forEach(t -> assertTrue(t.startsWith(PKG + benchmark(profile) + "-jmh-worker-"), t));
        if (profile.startsWith(BUBBLE)) {
            assertEquals(List.of("1000"), PprofText.tagValues(tags, "n"), "the @Param n:\n" + tags);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void commentsDescribeTheRun(String profile) {
        List<String> comments = pprof(profile, "-comments").lines().toList();
        assertEquals(raw(profile).comments(), comments, "-comments and -raw agree");
        assertTrue(comments.contains("benchmark: " + PKG + benchmark(profile)), comments.toString());
        assertTrue(comments.contains("mode: avgt"), comments.toString());
        String operations = raw(profile).comment("operations");
        assertTrue(operations != null && Long.parseLong(operations) > 0, "operations: " + operations);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void rawHasGoSampleTypesAndLabelsOnEverySample(String profile) {
        String text = pprof(profile, "-raw");
        RawProfile raw = raw(profile);
        String perOp = isPerOp(profile) ? "_per_1000_ops" : "";
        if (isCpu(profile)) {
            // Per op, a sample count means nothing, so only the CPU time is kept.
            assertEquals(isPerOp(profile) ? List.of("cpu_per_1000_ops/nanoseconds")
                    : List.of("samples/count", "cpu/nanoseconds"), raw.sampleTypes());
            assertTrue(text.contains("PeriodType: cpu nanoseconds\n"), text);
        } else {
            assertEquals(List.of("alloc_objects" + perOp + "/count", "alloc_space" + perOp + "/bytes"), raw.sampleTypes());
            assertTrue(text.contains("alloc_space" + perOp + "/bytes[dflt]"), "alloc_space is the default:\n" + text);
            assertTrue(text.contains("PeriodType: space bytes\n"), text);
        }
        if (isPerOp(profile)) {
            // The same profile as the totals file, divided by the operations and times 1000.
            String totals = withoutPerOp(profile);
            double operations = Long.parseLong(raw(totals).comment("operations"));
            assertClose(total(totals), total(profile) * operations / 1000, "per-op total x operations / 1000", text);
            assertTrue(raw.comments().contains("values: per 1000 operations (divide by 1000 for per operation)"),
                    raw.comments().toString());
        }
        assertFalse(raw.samples().isEmpty(), text);
        for (RawProfile.Sample sample : raw.samples()) {
            assertEquals(PKG + benchmark(profile), sample.labels().get("benchmark"), text);
            assertTrue(sample.labels().containsKey("thread"), sample.labels().toString());
        }
    }

    /** {@code -diff_base=<builder> <plus>}: what {@code +=} costs beyond StringBuilder, function by function. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"alloc", "cpu", "alloc-per-op", "cpu-per-op"})
    void diffBaseSubtractsBuilderFromPlus(String kind) {
        // -nodefraction=0: no node is dropped, so "Showing nodes accounting for" is the whole difference.
        String diff = GoPprof.run(List.of("-top", "-nodefraction=0", "-diff_base=" + FILES.get(BUILDER + "/" + kind)),
                FILES.get(PLUS + "/" + kind)).assertNoStderr();
        double plus = total(PLUS + "/" + kind);
        double builder = total(BUILDER + "/" + kind);
        assertClose(builder, PprofText.total(diff), "the base's total", diff);
        // Both ran equally long, so their CPU totals nearly cancel: a share of the difference is no
        // tolerance; pprof's three printed digits of the larger total are.
        double printed = 0.005 * Math.max(Math.abs(plus), Math.abs(builder));
        assertWithin(plus - builder, PprofText.showing(diff), printed, "plus - builder", diff);
        List<TopRow> rows = PprofText.topRows(diff);
        assertTrue(PprofText.row(rows, PKG + PLUS).orElseThrow(() -> new AssertionError(diff)).cum() > 0, diff);
        assertTrue(PprofText.row(rows, PKG + BUILDER).orElseThrow(() -> new AssertionError(diff)).cum() < 0, diff);
        assertTrue(diff.contains("benchmark: " + PKG + PLUS) && diff.contains("benchmark: " + PKG + BUILDER),
                "both profiles' comments:\n" + diff);
        if (kind.startsWith("alloc")) {
            // Every allocation is under JMH's generated caller of the benchmark method.
            assertClose(plus, PprofText.row(rows, jmhCaller(PLUS)).orElseThrow(() -> new AssertionError(diff)).cum(),
                    "plus counts positive", diff);
            assertClose(-builder, PprofText.row(rows, jmhCaller(BUILDER)).orElseThrow(() -> new AssertionError(diff))
                    .cum(), "builder counts negative", diff);
            assertTrue(PprofText.row(rows, "java.lang.StringConcatHelper.simpleConcat")
                    .orElseThrow(() -> new AssertionError(diff)).cum() > 0, diff);
            assertTrue(PprofText.rowMatching(rows, GROWTH).orElseThrow(() -> new AssertionError(diff)).cum() < 0, diff);
        }
    }

    /** {@code pprof/all/<kind>.pb.gz}: every benchmark of the run in one profile, told apart by the benchmark label. */
    @ParameterizedTest(name = "all/{0}")
    @ValueSource(strings = {"cpu", "alloc"})
    void theRunProfileHoldsEachBenchmarkUnderItsLabel(String kind) {
        Path all = pprofDir.resolve("all").resolve(kind + ".pb.gz");
        String tags = GoPprof.run(List.of("-tags"), all).assertNoStderr();
        assertEquals(BENCHMARKS.stream().map(b -> PKG + b).sorted().toList(),
                PprofText.tagValues(tags, "benchmark").stream().sorted().toList(), tags);
        String top = GoPprof.run(List.of("-top"), all).assertNoStderr();
        double sum = BENCHMARKS.stream().mapToDouble(b -> total(b + "/" + kind)).sum();
        assertClose(sum, PprofText.total(top), "the run's total is the benchmarks' sum", top);
        for (String benchmark : BENCHMARKS) {
            // In base units: one benchmark's share can be 0.04 % of the run, below 0.01GB.
            String focused = GoPprof.run(List.of("-top", "-nodefraction=0", "-unit=" + (kind.equals("cpu") ? "ns" : "B"),
                    "-tagfocus=benchmark=^" + (PKG + benchmark).replace(".", "\\.") + "$"), all).assertNoStderr();
            assertClose(total(benchmark + "/" + kind), PprofText.showing(focused), "-tagfocus on " + benchmark, focused);
        }
    }

    // ---------------------------------------------------------------- a second decoder

    @Test
    void pprofFormatInNodeReadsTheSameTypesAndTotalsAsGoPprof() throws Exception {
        List<Path> every;
        try (Stream<Path> walk = Files.walk(pprofDir)) {
            every = walk.filter(f -> f.getFileName().toString().endsWith(".pb.gz")).sorted().toList();
        }
        assertEquals(BENCHMARKS.size() * KINDS.size() + 2, every.size(), "every profile of the run: " + every);
        List<String> files = every.stream().map(Path::toString).toList();
        NodeScript.Result result = NodeScript.run(60, "decode-profiles.mjs", files);
        assertEquals(0, result.exitCode(), result.stderr() + result.stdout());
        assertEquals("", result.stderr());
        Map<String, List<String[]>> facts = new HashMap<>();
        for (String line : result.stdout().split("\n")) {
            String[] f = line.split("\t", -1);
            facts.computeIfAbsent(f[0], k -> new ArrayList<>()).add(f);
        }
        List<Executable> checks = new ArrayList<>();
        every.forEach(file -> checks.add(() -> {
            List<String[]> about = facts.getOrDefault(file.toString(), List.of());
            String profile = pprofDir.relativize(file).toString();
            RawProfile raw = RawProfile.parse(GoPprof.run(List.of("-raw"), file).assertNoStderr());
            List<String> problems = values(about, "problem", 1);
            assertEquals(List.of(), problems, profile + ": the second decoder finds the tables inconsistent");
            assertEquals(raw.sampleTypes(), values(about, "type", 1), profile + ": sample types");
            List<String> totals = values(about, "type", 2);
            for (int i = 0; i < raw.sampleTypes().size(); i++) {
                int index = i;
                long goTotal = raw.samples().stream().mapToLong(s -> s.values()[index]).sum();
                assertEquals(String.valueOf(goTotal), totals.get(i), profile + ": total of " + raw.sampleTypes().get(i));
            }
            assertEquals(List.of(String.valueOf(raw.samples().size())), values(about, "samples", 1), profile + ": samples");
            assertEquals(raw.comments(), values(about, "comment", 1), profile + ": comments");
        }));
        assertAll(checks);
    }

    // ---------------------------------------------------------------- the web UI in Chromium

    @Test
    void webUiShowsTheBenchmarkFunctionsInChromium() throws Exception {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        assertTrue(Files.isExecutable(chromium), chromium + " not found: install Debian's chromium (./test.sh does)");
        Path shots = screenshotDir();
        Files.createDirectories(shots);
        String source = "-source_path=" + System.getProperty("benchmarks.sourceRoot");
        List<String> views = new ArrayList<>();
        try (PprofWebServer cpu = PprofWebServer.start(FILES.get(BUBBLE + "/cpu"), List.of(source),
                shots.resolve("pprof-cpu.log"));
             PprofWebServer alloc = PprofWebServer.start(FILES.get(BUILDER + "/alloc"),
                     List.of(source, "-hide=" + HIDE_HARNESS), shots.resolve("pprof-alloc.log"));
             PprofWebServer plus = PprofWebServer.start(FILES.get(PLUS + "/alloc"),
                     List.of(source, "-hide=" + HIDE_HARNESS), shots.resolve("pprof-plus.log"))) {
            view(views, "cpu-graph", cpu.url() + "/ui/", "1200x900");
            view(views, "cpu-flamegraph", cpu.url() + "/ui/flamegraph", "1200x480");
            view(views, "cpu-top", cpu.url() + "/ui/top", "1200x700");
            view(views, "cpu-source", cpu.url() + "/ui/source?f=" + regex(BUBBLE), "1200x900");
            view(views, "alloc-graph", alloc.url() + "/ui/", "1200x1300");
            view(views, "alloc-flamegraph", alloc.url() + "/ui/flamegraph", "1200x400");
            view(views, "alloc-top", alloc.url() + "/ui/top", "1200x500");
            view(views, "alloc-source", alloc.url() + "/ui/source?f=" + regex(BUILDER), "1200x800");
            view(views, "plus-alloc-graph", plus.url() + "/ui/", "1200x1300");
            List<String> args = new ArrayList<>(List.of(shots.toString()));
            args.addAll(views);
            NodeScript.Result result = NodeScript.run(120, "web-ui.mjs", args);
            assertEquals(0, result.exitCode(), "web-ui.mjs:\n" + result.stderr() + result.stdout());
            for (PprofWebServer server : List.of(cpu, alloc, plus)) {
                assertEquals(List.of(), server.output().lines().filter(l -> !l.startsWith("Serving web UI on ")).toList(),
                        "pprof -http printed nothing but its address");
            }
        }

        double cpuTotal = total(BUBBLE + "/cpu");
        double builderTotal = total(BUILDER + "/alloc");
        double plusTotal = total(PLUS + "/alloc");
        List<Executable> checks = new ArrayList<>();
        for (int i = 0; i < views.size(); i += 3) {
            String name = views.get(i);
            checks.add(() -> assertEquals("", read(name + ".errors.txt"), name + ": browser errors"));
            checks.add(() -> assertTrue(Files.size(shots.resolve(name + ".png")) > 10_000, name + ".png has content"));
        }
        checks.add(() -> assertNodeAtLeast("cpu-graph", PKG + BUBBLE, 0.9 * cpuTotal));
        checks.add(() -> assertFlameShare("cpu-flamegraph", PKG + BUBBLE, 90));
        checks.add(() -> assertTrue(read("cpu-flamegraph.text.txt").contains("BubbleSortBenchmark.bubbleSort"),
                "the flame graph labels bubbleSort"));
        checks.add(() -> assertTopTableFlat("cpu-top", PKG + BUBBLE, 90));
        checks.add(() -> assertSourceCost("cpu-source", "if (nums[j] < nums[j - 1])", "ns", "us", "ms", "s"));
        checks.add(() -> assertNodeAtLeast("alloc-graph", PKG + BUILDER, 0.9 * builderTotal));
        checks.add(() -> assertEdge("alloc-graph", GROWTH, "java\\.util\\.Arrays\\.copyOf"));
        checks.add(() -> assertFalse(read("alloc-graph.titles.txt").contains("java.lang.Thread.run"),
                "-hide removed the harness frames"));
        checks.add(() -> assertFlameShare("alloc-flamegraph", PKG + BUILDER, 90));
        checks.add(() -> assertFlameShare("alloc-flamegraph", "java.util.Arrays.copyOf", 1));
        checks.add(() -> assertTopTableFlat("alloc-top", "java.util.Arrays.copyOf", 1));
        checks.add(() -> assertSourceCost("alloc-source", "s.append(part);", "B", "kB", "MB", "GB"));
        checks.add(() -> assertNodeAtLeast("plus-alloc-graph", PKG + PLUS, 0.9 * plusTotal));
        // Each += copies both strings into a new array: simpleConcat, then newArray (JDK 25 adds doConcat).
        checks.add(() -> assertEdge("plus-alloc-graph", Pattern.quote(PKG + PLUS),
                "java\\.lang\\.StringConcatHelper\\.simpleConcat"));
        checks.add(() -> assertNodeAtLeast("plus-alloc-graph", "java.lang.StringConcatHelper.simpleConcat", 0.9 * plusTotal));
        checks.add(() -> assertNodeAtLeast("plus-alloc-graph", "java.lang.StringConcatHelper.newArray", 0.01 * plusTotal));
        assertAll(checks);
    }

    // ---------------------------------------------------------------- regex filters

    @Test
    void hideAndShowFromMatchFunctionsNotTheWholeProfile() {
        List<TopRow> hidden = PprofText.topRows(pprof(BUBBLE + "/cpu", "-top", "-hide=bubbleSort"));
        assertTrue(PprofText.row(hidden, "java.lang.Thread.run").isPresent(), "-hide=bubbleSort keeps Thread.run");
        List<TopRow> shown = PprofText.topRows(pprof(BUBBLE + "/cpu", "-top", "-show_from=BubbleSortBenchmark\\.bubbleSort$"));
        assertFalse(PprofText.row(shown, "java.lang.Thread.run").isPresent(), "-show_from drops the frames above");
    }

    // ---------------------------------------------------------------- helpers

    private static String pprof(String profile, String... args) {
        return GoPprof.run(List.of(args), FILES.get(profile)).assertNoStderr();
    }

    private static RawProfile raw(String profile) {
        return RAW.computeIfAbsent(profile, p -> RawProfile.parse(pprof(p, "-raw")));
    }

    /** Total of the profile's default sample type, from -raw. */
    private static double total(String profile) {
        return raw(profile).total(defaultType(profile));
    }

    private static String defaultType(String profile) {
        return (isCpu(profile) ? "cpu" : "alloc_space") + (isPerOp(profile) ? "_per_1000_ops" : "");
    }

    private static boolean isCpu(String profile) {
        return profile.contains("/cpu");
    }

    private static boolean isPerOp(String profile) {
        return profile.endsWith("-per-op");
    }

    /** BENCHMARK/cpu for BENCHMARK/cpu-per-op: the profile of totals the per-op one is made from. */
    private static String withoutPerOp(String profile) {
        return profile.replace("-per-op", "");
    }

    private static String benchmark(String profile) {
        return profile.substring(0, profile.indexOf('/'));
    }

    /** JMH's generated method that calls the benchmark in AverageTime mode, e.g. ...ConcatBenchmark_plus_jmhTest.plus_AverageTime. */
    private static String jmhCaller(String benchmark) {
        String[] parts = benchmark.split("\\.");
        return PKG + "jmh_generated." + parts[0] + "_" + parts[1] + "_jmhTest." + parts[1] + "_AverageTime";
    }

    private static Path folder(Path root, String benchmark) throws IOException {
        try (Stream<Path> folders = Files.list(root)) {
            List<Path> matches = folders.filter(f -> f.getFileName().toString().startsWith(PKG + benchmark + "-")).toList();
            assertEquals(1, matches.size(), "one folder for " + benchmark + " in " + root + ": " + matches);
            return matches.get(0);
        }
    }

    private static void assertClose(double expected, double actual, String what, String output) {
        assertWithin(expected, actual, ROUNDING * Math.abs(expected) + 1, what, output);
    }

    private static void assertWithin(double expected, double actual, double tolerance, String what, String output) {
        if (Math.abs(actual - expected) > tolerance) {
            fail(String.format("%s: got %.0f, want %.0f ± %.0f%n%s", what, actual, expected, tolerance, output));
        }
    }

    private static void assertFlatShare(List<TopRow> rows, String function, double percent, String output) {
        TopRow row = PprofText.row(rows, function).orElseThrow(() -> new AssertionError("no " + function + " in:\n" + output));
        assertTrue(row.flatPercent() >= percent, function + " flat% >= " + percent + ":\n" + output);
    }

    private static void assertCumShare(List<TopRow> rows, String function, double percent, String output) {
        TopRow row = PprofText.row(rows, function).orElseThrow(() -> new AssertionError("no " + function + " in:\n" + output));
        assertTrue(row.cumPercent() >= percent, function + " cum% >= " + percent + ":\n" + output);
    }

    /** The -list line holding the source text has a value (column 1 flat, 2 cum) in one of the units. */
    private static void assertListed(String list, String sourceText, int column, String... units) {
        String line = list.lines().filter(l -> l.contains(sourceText)).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + sourceText + "' in:\n" + list));
        Matcher m = LIST_LINE.matcher(line);
        assertTrue(m.matches(), line);
        assertTrue(PprofText.hasUnit(m.group(column), units),
                "'" + sourceText + "' has a value in " + List.of(units) + ": " + line + "\n" + list);
    }

    private static void view(List<String> views, String name, String url, String size) {
        views.addAll(List.of(name, url, size));
    }

    private static String regex(String benchmark) {
        return URLEncoder.encode(benchmark.replace(".", "\\.") + "$", StandardCharsets.UTF_8);
    }

    /** {@code target/screenshots/<run>}: one folder per failsafe run (build JDK, JDK 25). */
    private static Path screenshotDir() {
        Path target = BenchmarksJar.jar().toAbsolutePath().getParent();
        Path runDir = Path.of(System.getProperty("benchmarks.runDir", "target/it-runs")).toAbsolutePath();
        return target.resolve("screenshots").resolve(runDir.getFileName());
    }

    private static String read(String file) throws IOException {
        return Files.readString(screenshotDir().resolve(file), StandardCharsets.UTF_8);
    }

    private static List<String> values(List<String[]> facts, String kind, int column) {
        return facts.stream().filter(f -> f[1].equals(kind)).map(f -> f[column + 1]).toList();
    }

    /** The graph has a node for the function whose tooltip value ("name (10.52GB)") is at least the minimum. */
    private static void assertNodeAtLeast(String view, String function, double minimum) throws IOException {
        String titles = read(view + ".titles.txt");
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(function) + " \\((\\S+)\\)$").matcher(titles);
        assertTrue(m.find(), view + ": no node " + function + " in:\n" + titles);
        assertTrue(PprofText.quantity(m.group(1)) >= minimum,
                view + ": " + function + " is " + m.group(1) + ", want >= " + minimum + "\n" + titles);
    }

    /** The graph has an edge between functions matching the two regular expressions. */
    private static void assertEdge(String view, String caller, String callee) throws IOException {
        String titles = read(view + ".titles.txt");
        assertTrue(Pattern.compile("(?m)^" + caller + " -> " + callee + " \\(").matcher(titles).find(),
                view + ": no edge " + caller + " -> " + callee + " in:\n" + titles);
    }

    /** Some flame graph box of the function ("name (98.6%, 1.42s)") spans at least the given share. */
    private static void assertFlameShare(String view, String function, double percent) throws IOException {
        String titles = read(view + ".titles.txt");
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(function) + " \\(([\\d.]+)%, \\S+\\)$").matcher(titles);
        double best = -1;
        while (m.find()) {
            best = Math.max(best, Double.parseDouble(m.group(1)));
        }
        assertTrue(best >= percent, view + ": widest box of " + function + " is " + best + "%, want >= " + percent
                + "\n" + titles);
    }

    /** The top view's table row (Flat, Flat%, Sum%, Cum, Cum%, Name) of the function has flat% >= percent. */
    private static void assertTopTableFlat(String view, String function, double percent) throws IOException {
        String text = read(view + ".text.txt");
        String[] row = text.lines().map(l -> l.split("\t")).filter(c -> c.length >= 6 && c[5].equals(function))
                .findFirst().orElseThrow(() -> new AssertionError(view + ": no row " + function + " in:\n" + text));
        assertTrue(Double.parseDouble(row[1].replace("%", "")) >= percent, view + ": " + String.join(" ", row));
    }

    /** The source view's line with the text has a value in one of the units. */
    private static void assertSourceCost(String view, String sourceText, String... units) throws IOException {
        String text = read(view + ".text.txt");
        String line = text.lines().filter(l -> l.contains(sourceText)).findFirst()
                .orElseThrow(() -> new AssertionError(view + ": no '" + sourceText + "' in:\n" + text));
        String[] columns = line.trim().split("\\s+");
        assertTrue(PprofText.hasUnit(columns[2], units) || PprofText.hasUnit(columns[1], units),
                view + ": '" + sourceText + "' has a cost in " + List.of(units) + ": " + line);
    }
}
