package io.github.jmhpprof.benchmarks;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.github.jmhpprof.benchmarks.PprofText.TopRow;
import io.github.jmhpprof.testing.GoPprof;
import io.github.jmhpprof.testing.RawProfile;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

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

    /** The bubble sort itself; bubbleSort() is the @Benchmark method that calls it, so the names carry parameters. */
    private static final String SORT = PKG + BUBBLE + "(int[])";
    /** The screen the Done-when of issue 16 names: a laptop browser window. */
    private static final int SCREEN_WIDTH = 1400;

    private static final int SCREEN_HEIGHT = 900;

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
        run = BenchmarksJar.run(
                dir,
                300,
                List.of(
                        "BubbleSort|Concat",
                        "-f",
                        "1",
                        "-wi",
                        "2",
                        "-w",
                        "500ms",
                        "-i",
                        "3",
                        "-r",
                        "500ms",
                        "-prof",
                        "pprof"));
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
        // By flat%: the values are rounded to the shown unit (0.01s, 10 ms a row), which a dozen
        // small rows of native code add up to more than 1 % of the total. pprof rounds each % to
        // 0.01 (below 1 %, to two digits), and shows 99.95-100.05 as "100%": 0.044 % in one row
        // and 99.956 % shown as 100 % summed to 100.044 in a fresh-clone CI.
        double flatPercent = rows.stream().mapToDouble(TopRow::flatPercent).sum();
        assertEquals(100, flatPercent, 0.05 + 0.005 * rows.size(), () -> "sum of flat%:\n" + top);

        switch (withoutPerOp(profile)) {
            case BUBBLE + "/cpu" -> assertFlatShare(rows, SORT, 90, top);
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
            default -> assertTrue(methodRow(rows, profile).isPresent(), top);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void topCumStartsAtTheBenchmarksRootAndReachesTheBenchmarkMethod(String profile) {
        String top = pprof(profile, "-top", "-cum");
        List<TopRow> rows = PprofText.topRows(top);
        for (int i = 1; i < rows.size(); i++) {
            assertTrue(rows.get(i).cum() <= rows.get(i - 1).cum(), "sorted by cum at row " + i + ":\n" + top);
        }
        // Every stack through JMH's generated code starts at the one root frame that stands for
        // JMH's harness. Others keep their own roots: synthetic ones such as [lost samples], and
        // the few CPU samples of a worker in JMH's executor outside the generated code (its wait
        // for the next iteration, the iteration's start barrier).
        String root = root(benchmark(profile));
        assertEquals(root, rows.get(0).name(), top);
        double synthetic = rows.stream()
                .filter(r -> PprofText.isSynthetic(r.name()) && !r.name().equals(root))
                .mapToDouble(TopRow::flat)
                .sum();
        double unfolded = PprofText.traces(pprof(profile, "-traces")).stream()
                .filter(t -> !t.frames().get(t.frames().size() - 1).equals(root))
                .filter(t -> !(t.frames().size() == 1
                        && PprofText.isSynthetic(t.frames().get(0))))
                .mapToDouble(PprofText.Trace::value)
                .sum();
        assertClose(
                total(profile) - synthetic - unfolded,
                rows.get(0).cum(),
                "the first row holds every folded stack",
                top);
        assertTrue(rows.stream().noneMatch(r -> r.name().contains("jmh_generated")), "no generated frames:\n" + top);
        assertTrue(
                rows.stream()
                        .filter(r -> r.name().equals("java.lang.Thread.run"))
                        .allMatch(r -> r.cum() <= unfolded * (1 + ROUNDING) + printStep(total(profile))),
                "the thread's root only in stacks outside the folded root:\n" + top);
        TopRow method = methodRow(rows, profile)
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
        // The bubble sort's names carry their parameters: bubbleSort() and bubbleSort(int[]).
        String list = pprof(
                profile,
                "-list",
                benchmark.replace(".", "\\.") + "($|\\()",
                "-source_path=" + System.getProperty("benchmarks.sourceRoot"));
        String className = benchmark.substring(0, benchmark.indexOf('.'));
        assertTrue(
                Pattern.compile("ROUTINE =+ " + Pattern.quote(PKG + benchmark) + "(\\(\\))? in "
                                + Pattern.quote("io/github/jmhpprof/benchmarks/" + className + ".java"))
                        .matcher(list)
                        .find(),
                list);
        assertFalse(list.contains("Error:"), "the source file was found:\n" + list);
        switch (withoutPerOp(profile)) {
            case BUBBLE + "/cpu" -> assertListed(list, "if (nums[j] < nums[j - 1])", 1, "ns", "us", "ms", "s");
            case BUBBLE + "/alloc" ->
                assertListed(list, "int[] nums = Arrays.copyOf(unsorted, unsorted.length);", 2, "B", "kB", "MB", "GB");
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
            assertTrue(
                    trace.labels().getOrDefault("thread", "").contains("-jmh-worker-"),
                    trace.labels().toString());
            // Every stack through the benchmark starts at the one root. Others have no JMH frame to
            // fold: synthetic ones ([GC]), stacks async-profiler could not walk (not_walkable_Java),
            // the worker's own wait for the next iteration (ThreadPoolExecutor.getTask).
            if (trace.frames().stream().anyMatch(f -> isMethod(f, profile))) {
                assertEquals(
                        root(benchmark(profile)),
                        trace.frames().get(trace.frames().size() - 1),
                        "root frame:\n" + out);
            }
        }
        if (profile.startsWith(BUBBLE)) {
            traces.forEach(t -> assertEquals("1000", t.labels().get("n"), "the @Param is a label"));
        }
        assertClose(
                total(profile),
                traces.stream().mapToDouble(PprofText.Trace::value).sum(),
                "sum of traces",
                out);
        assertTrue(traces.stream().anyMatch(t -> t.frames().stream().anyMatch(f -> isMethod(f, profile))), out);
        if (profile.equals(BUBBLE + "/cpu")) {
            PprofText.Trace biggest = traces.stream()
                    .max((a, b) -> Double.compare(a.value(), b.value()))
                    .orElseThrow();
            assertEquals(SORT, biggest.frames().get(0), "leaf of the heaviest trace:\n" + out);
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
            assertTrue(
                    PprofText.isRounded(totals.get(key), total(profile), 1),
                    "total of tag " + key + " is " + totals.get(key) + ", want " + total(profile) + " rounded\n"
                            + tags);
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
            assertEquals(
                    isPerOp(profile)
                            ? List.of("cpu_per_1000_ops/nanoseconds")
                            : List.of("samples/count", "cpu/nanoseconds"),
                    raw.sampleTypes());
            assertTrue(text.contains("PeriodType: cpu nanoseconds\n"), text);
        } else {
            assertEquals(
                    List.of("alloc_objects" + perOp + "/count", "alloc_space" + perOp + "/bytes"), raw.sampleTypes());
            assertTrue(text.contains("alloc_space" + perOp + "/bytes[dflt]"), "alloc_space is the default:\n" + text);
            assertTrue(text.contains("PeriodType: space bytes\n"), text);
        }
        if (isPerOp(profile)) {
            // The same profile as the totals file, divided by the operations and times 1000.
            String totals = withoutPerOp(profile);
            double operations = Long.parseLong(raw(totals).comment("operations"));
            assertClose(total(totals), total(profile) * operations / 1000, "per-op total x operations / 1000", text);
            assertTrue(
                    raw.comments().contains("values: per 1000 operations (divide by 1000 for per operation)"),
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
        String diff = GoPprof.run(
                        List.of("-top", "-nodefraction=0", "-diff_base=" + FILES.get(BUILDER + "/" + kind)),
                        FILES.get(PLUS + "/" + kind))
                .assertNoStderr();
        double plus = total(PLUS + "/" + kind);
        double builder = total(BUILDER + "/" + kind);
        assertClose(builder, PprofText.total(diff), "the base's total", diff);
        // Both ran equally long, so their CPU totals nearly cancel: a share of the difference is no
        // tolerance; pprof's three printed digits of the larger total are.
        double printed = 0.005 * Math.max(Math.abs(plus), Math.abs(builder));
        assertWithin(plus - builder, PprofText.showing(diff), printed, "plus - builder", diff);
        List<TopRow> rows = PprofText.topRows(diff);
        assertTrue(
                PprofText.row(rows, PKG + PLUS)
                                .orElseThrow(() -> new AssertionError(diff))
                                .cum()
                        > 0,
                diff);
        assertTrue(
                PprofText.row(rows, PKG + BUILDER)
                                .orElseThrow(() -> new AssertionError(diff))
                                .cum()
                        < 0,
                diff);
        assertTrue(
                diff.contains("benchmark: " + PKG + PLUS) && diff.contains("benchmark: " + PKG + BUILDER),
                "both profiles' comments:\n" + diff);
        if (kind.startsWith("alloc")) {
            // Every allocation is under the root frame that stands for JMH's harness.
            assertClose(
                    plus,
                    PprofText.row(rows, root(PLUS))
                            .orElseThrow(() -> new AssertionError(diff))
                            .cum(),
                    "plus counts positive",
                    diff);
            assertClose(
                    -builder,
                    PprofText.row(rows, root(BUILDER))
                            .orElseThrow(() -> new AssertionError(diff))
                            .cum(),
                    "builder counts negative",
                    diff);
            assertTrue(
                    PprofText.row(rows, "java.lang.StringConcatHelper.simpleConcat")
                                    .orElseThrow(() -> new AssertionError(diff))
                                    .cum()
                            > 0,
                    diff);
            assertTrue(
                    PprofText.rowMatching(rows, GROWTH)
                                    .orElseThrow(() -> new AssertionError(diff))
                                    .cum()
                            < 0,
                    diff);
        }
    }

    /** {@code pprof/all/<kind>.pb.gz}: every benchmark of the run in one profile, told apart by the benchmark label. */
    @ParameterizedTest(name = "all/{0}")
    @ValueSource(strings = {"cpu", "alloc"})
    void theRunProfileHoldsEachBenchmarkUnderItsLabel(String kind) {
        Path all = pprofDir.resolve("all").resolve(kind + ".pb.gz");
        String tags = GoPprof.run(List.of("-tags"), all).assertNoStderr();
        assertEquals(
                BENCHMARKS.stream().map(b -> PKG + b).sorted().toList(),
                PprofText.tagValues(tags, "benchmark").stream().sorted().toList(),
                tags);
        String top = GoPprof.run(List.of("-top"), all).assertNoStderr();
        double sum = BENCHMARKS.stream().mapToDouble(b -> total(b + "/" + kind)).sum();
        assertClose(sum, PprofText.total(top), "the run's total is the benchmarks' sum", top);
        for (String benchmark : BENCHMARKS) {
            // In base units: one benchmark's share can be 0.04 % of the run, below 0.01GB.
            String focused = GoPprof.run(
                            List.of(
                                    "-top",
                                    "-nodefraction=0",
                                    "-unit=" + (kind.equals("cpu") ? "ns" : "B"),
                                    "-tagfocus=benchmark=^" + (PKG + benchmark).replace(".", "\\.") + "$"),
                            all)
                    .assertNoStderr();
            assertClose(
                    total(benchmark + "/" + kind), PprofText.showing(focused), "-tagfocus on " + benchmark, focused);
        }
    }

    // ---------------------------------------------------------------- a second decoder

    @Test
    void pprofFormatInNodeReadsTheSameTypesAndTotalsAsGoPprof() throws Exception {
        List<Path> every;
        try (Stream<Path> walk = Files.walk(pprofDir)) {
            every = walk.filter(f -> f.getFileName().toString().endsWith(".pb.gz"))
                    .sorted()
                    .toList();
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
                long goTotal =
                        raw.samples().stream().mapToLong(s -> s.values()[index]).sum();
                assertEquals(
                        String.valueOf(goTotal),
                        totals.get(i),
                        profile + ": total of " + raw.sampleTypes().get(i));
            }
            assertEquals(
                    List.of(String.valueOf(raw.samples().size())), values(about, "samples", 1), profile + ": samples");
            assertEquals(raw.comments(), values(about, "comment", 1), profile + ": comments");
        }));
        assertAll(checks);
    }

    // ---------------------------------------------------------------- the web UI in Chromium

    @Test
    void webUiShowsTheBenchmarkFunctionsInChromium() throws Exception {
        Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
        assertTrue(Files.isExecutable(chromium), chromium + " not found: install Debian's chromium (./setup.sh does)");
        Path shots = screenshotDir();
        Files.createDirectories(shots);
        String source = "-source_path=" + System.getProperty("benchmarks.sourceRoot");
        List<String> views = new ArrayList<>();
        try (PprofWebServer cpu = PprofWebServer.start(
                        FILES.get(BUBBLE + "/cpu"), List.of(source), shots.resolve("pprof-cpu.log"));
                PprofWebServer alloc = PprofWebServer.start(
                        FILES.get(BUILDER + "/alloc"), List.of(source), shots.resolve("pprof-alloc.log"));
                PprofWebServer plus = PprofWebServer.start(
                        FILES.get(PLUS + "/alloc"), List.of(source), shots.resolve("pprof-plus.log"))) {
            String screen = SCREEN_WIDTH + "x" + SCREEN_HEIGHT;
            view(views, "cpu-graph", cpu.url() + "/ui/", screen);
            view(views, "cpu-flamegraph", cpu.url() + "/ui/flamegraph", screen);
            view(views, "cpu-top", cpu.url() + "/ui/top", "1200x700");
            view(views, "cpu-source", cpu.url() + "/ui/source?f=" + regex(BUBBLE), "1200x900");
            view(views, "cpu-title", cpu.url() + "/ui/top", "1200x300");
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
                assertEquals(
                        List.of(),
                        server.output()
                                .lines()
                                .filter(l -> !l.startsWith("Serving web UI on "))
                                .toList(),
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
        checks.add(() -> assertNodeAtLeast("cpu-graph", SORT, 0.9 * cpuTotal));
        checks.add(() -> assertGraphNodeNamedOnFirstScreen("cpu-graph", SORT, "bubbleSort"));
        checks.add(() -> assertFlameBoxOnFirstScreen("cpu-flamegraph", SORT));
        checks.add(() -> assertFlameShare("cpu-flamegraph", SORT, 90));
        checks.add(() -> assertTrue(
                read("cpu-flamegraph.text.txt").contains("BubbleSortBenchmark.bubbleSort"),
                "the flame graph labels bubbleSort"));
        checks.add(() -> assertTopTableFlat("cpu-top", SORT, 90));
        checks.add(() -> assertEquals(
                "BubbleSortBenchmark.bubbleSort (n=1000) cpu",
                read("cpu-title.title.txt"),
                "the web UI's title names the benchmark"));
        checks.add(() -> assertSourceCost("cpu-source", "if (nums[j] < nums[j - 1])", "ns", "us", "ms", "s"));
        checks.add(() -> assertNodeAtLeast("alloc-graph", PKG + BUILDER, 0.9 * builderTotal));
        checks.add(() -> assertEdge("alloc-graph", GROWTH, "java\\.util\\.Arrays\\.copyOf"));
        checks.add(() -> assertFalse(
                read("alloc-graph.titles.txt").contains("java.lang.Thread.run"),
                "the harness frames are folded into one root"));
        checks.add(() ->
                assertTrue(read("alloc-graph.titles.txt").contains(root(BUILDER)), "the root names the benchmark"));
        checks.add(() -> assertFlameShare("alloc-flamegraph", PKG + BUILDER, 90));
        checks.add(() -> assertFlameShare("alloc-flamegraph", "java.util.Arrays.copyOf", 1));
        checks.add(() -> assertTopTableFlat("alloc-top", "java.util.Arrays.copyOf", 1));
        checks.add(() -> assertSourceCost("alloc-source", "s.append(part);", "B", "kB", "MB", "GB"));
        checks.add(() -> assertNodeAtLeast("plus-alloc-graph", PKG + PLUS, 0.9 * plusTotal));
        // Each += goes through the method handles of invokedynamic and copies both strings into a new
        // array: simpleConcat, then newArray (JDK 25 adds doConcat).
        checks.add(() -> assertEdge("plus-alloc-graph", Pattern.quote(PKG + PLUS), "java\\.lang\\.invoke\\.\\S+"));
        checks.add(() -> assertEdge(
                "plus-alloc-graph", "java\\.lang\\.invoke\\.\\S+", "java\\.lang\\.StringConcatHelper\\.simpleConcat"));
        checks.add(() ->
                assertNodeAtLeast("plus-alloc-graph", "java.lang.StringConcatHelper.simpleConcat", 0.9 * plusTotal));
        checks.add(
                () -> assertNodeAtLeast("plus-alloc-graph", "java.lang.StringConcatHelper.newArray", 0.01 * plusTotal));
        assertAll(checks);
    }

    // ---------------------------------------------------------------- regex filters

    /** pprof matches these regexes against the mapping's file name too: a named mapping would match every frame. */
    @Test
    void hideFocusAndShowFromMatchFunctionsNotTheWholeProfile() {
        List<TopRow> hidden = PprofText.topRows(pprof(BUBBLE + "/cpu", "-top", "-hide=BubbleSortBenchmark.bubbleSort"));
        assertTrue(PprofText.row(hidden, root(BUBBLE)).isPresent(), "-hide of the methods keeps the root frame");
        assertFalse(PprofText.row(hidden, SORT).isPresent(), "-hide removes the sort");
        List<TopRow> shown =
                PprofText.topRows(pprof(BUBBLE + "/cpu", "-top", "-show_from=BubbleSortBenchmark\\.bubbleSort\\(\\)"));
        assertFalse(PprofText.row(shown, root(BUBBLE)).isPresent(), "-show_from drops the frames above");
        assertTrue(PprofText.row(shown, SORT).isPresent(), "-show_from keeps the frames below");
        String focused = pprof(BUBBLE + "/alloc", "-top", "-nodefraction=0", "-focus=copyOf");
        assertTrue(
                PprofText.row(PprofText.topRows(focused), root(BUBBLE)).isPresent(),
                "-focus keeps the stacks through copyOf:\n" + focused);
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

    /** The root frame that stands for JMH's harness, e.g. [JMH ConcatBenchmark::plus]. */
    private static String root(String benchmark) {
        return "[JMH " + benchmark.replace(".", "::") + "]";
    }

    /** The @Benchmark method, by its name alone or, where the profile also holds an overload, with its empty parameters. */
    private static boolean isMethod(String function, String profile) {
        String method = PKG + benchmark(profile);
        return function.equals(method) || function.equals(method + "()");
    }

    private static java.util.Optional<TopRow> methodRow(List<TopRow> rows, String profile) {
        return rows.stream().filter(r -> isMethod(r.name(), profile)).findFirst();
    }

    private static Path folder(Path root, String benchmark) throws IOException {
        try (Stream<Path> folders = Files.list(root)) {
            List<Path> matches = folders.filter(f -> f.getFileName().toString().startsWith(PKG + benchmark + "-"))
                    .toList();
            assertEquals(1, matches.size(), "one folder for " + benchmark + " in " + root + ": " + matches);
            return matches.get(0);
        }
    }

    /**
     * Half the last printed digit of -top's values: pprof prints every row with two decimals in the
     * unit it picks for the total, so a one-sample row of a per-1000-ops profile (0.0954 ms) reads
     * 0.10ms, 5 % more than the same value from -traces (seen in a CI run, 2026-12-01).
     */
    private static double printStep(double total) {
        return 0.006 * Math.pow(1000, Math.floor(Math.log10(Math.max(1, total)) / 3));
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
        TopRow row = PprofText.row(rows, function)
                .orElseThrow(() -> new AssertionError("no " + function + " in:\n" + output));
        assertTrue(row.flatPercent() >= percent, function + " flat% >= " + percent + ":\n" + output);
    }

    private static void assertCumShare(List<TopRow> rows, String function, double percent, String output) {
        TopRow row = PprofText.row(rows, function)
                .orElseThrow(() -> new AssertionError("no " + function + " in:\n" + output));
        assertTrue(row.cumPercent() >= percent, function + " cum% >= " + percent + ":\n" + output);
    }

    /** The -list line holding the source text has a value (column 1 flat, 2 cum) in one of the units. */
    private static void assertListed(String list, String sourceText, int column, String... units) {
        String line = list.lines()
                .filter(l -> l.contains(sourceText))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no '" + sourceText + "' in:\n" + list));
        Matcher m = LIST_LINE.matcher(line);
        assertTrue(m.matches(), line);
        assertTrue(
                PprofText.hasUnit(m.group(column), units),
                "'" + sourceText + "' has a value in " + List.of(units) + ": " + line + "\n" + list);
    }

    private static void view(List<String> views, String name, String url, String size) {
        views.addAll(List.of(name, url, size));
    }

    /** The benchmark method, also where its name carries its parameters: bubbleSort() (and the sort, bubbleSort(int[])). */
    private static String regex(String benchmark) {
        return URLEncoder.encode(benchmark.replace(".", "\\.") + "($|\\()", StandardCharsets.UTF_8);
    }

    /** {@code target/screenshots/<run>}: one folder per failsafe run (build JDK, JDK 25). */
    private static Path screenshotDir() {
        Path target = BenchmarksJar.jar().toAbsolutePath().getParent();
        Path runDir = Path.of(System.getProperty("benchmarks.runDir", "target/it-runs"))
                .toAbsolutePath();
        return target.resolve("screenshots").resolve(runDir.getFileName());
    }

    private static String read(String file) throws IOException {
        return Files.readString(screenshotDir().resolve(file), StandardCharsets.UTF_8);
    }

    private static List<String> values(List<String[]> facts, String kind, int column) {
        return facts.stream()
                .filter(f -> f[1].equals(kind))
                .map(f -> f[column + 1])
                .toList();
    }

    /** The graph has a node for the function whose tooltip value ("name (10.52GB)") is at least the minimum. */
    private static void assertNodeAtLeast(String view, String function, double minimum) throws IOException {
        String titles = read(view + ".titles.txt");
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(function) + " \\((\\S+)\\)$")
                .matcher(titles);
        assertTrue(m.find(), view + ": no node " + function + " in:\n" + titles);
        assertTrue(
                PprofText.quantity(m.group(1)) >= minimum,
                view + ": " + function + " is " + m.group(1) + ", want >= " + minimum + "\n" + titles);
    }

    /** The graph has an edge between functions matching the two regular expressions. */
    private static void assertEdge(String view, String caller, String callee) throws IOException {
        String titles = read(view + ".titles.txt");
        assertTrue(
                Pattern.compile("(?m)^" + caller + " -> " + callee + " \\(")
                        .matcher(titles)
                        .find(),
                view + ": no edge " + caller + " -> " + callee + " in:\n" + titles);
    }

    /** Some flame graph box of the function ("name (98.6%, 1.42s)") spans at least the given share. */
    private static void assertFlameShare(String view, String function, double percent) throws IOException {
        String titles = read(view + ".titles.txt");
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(function) + " \\(([\\d.]+)%, \\S+\\)$")
                .matcher(titles);
        double best = -1;
        while (m.find()) {
            best = Math.max(best, Double.parseDouble(m.group(1)));
        }
        assertTrue(
                best >= percent,
                view + ": widest box of " + function + " is " + best + "%, want >= " + percent + "\n" + titles);
    }

    private record Box(String title, double left, double top, double right, double bottom) {
        double centerX() {
            return (left + right) / 2;
        }

        double centerY() {
            return (top + bottom) / 2;
        }

        boolean contains(double x, double y) {
            return x >= left && x <= right && y >= top && y <= bottom;
        }
    }

    private static List<Box> boxes(String view) throws IOException {
        List<Box> boxes = new ArrayList<>();
        for (String line : read(view + ".boxes.txt").split("\n")) {
            String[] f = line.split("\t");
            if (f.length == 5) {
                boxes.add(new Box(
                        f[0],
                        Double.parseDouble(f[1]),
                        Double.parseDouble(f[2]),
                        Double.parseDouble(f[3]),
                        Double.parseDouble(f[4])));
            }
        }
        return boxes;
    }

    /**
     * In the graph, the node of the function (its tooltip "name (value)") shows the word on the
     * first screen: the middle of that line of text lies inside the window, with no scrolling.
     */
    private static void assertGraphNodeNamedOnFirstScreen(String view, String function, String word)
            throws IOException {
        List<Box> boxes = boxes(view);
        Box node = boxes.stream()
                .filter(b -> b.title().startsWith(function + " ("))
                .findFirst()
                .orElseThrow(() -> new AssertionError(view + ": no node " + function + " in " + boxes));
        Box text = boxes.stream()
                .filter(b -> b.title().equals("text:" + word) && node.contains(b.centerX(), b.centerY()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(view + ": no line '" + word + "' in " + node + ": " + boxes));
        assertTrue(
                text.centerX() > 0
                        && text.centerX() < SCREEN_WIDTH
                        && text.centerY() > 0
                        && text.centerY() < SCREEN_HEIGHT,
                view + ": '" + word + "' of " + function + " at " + text + ", outside the first " + SCREEN_WIDTH + "x"
                        + SCREEN_HEIGHT + " screen");
    }

    /** In the flame graph, the function's widest box lies wholly on the first screen and is wide enough to read. */
    private static void assertFlameBoxOnFirstScreen(String view, String function) throws IOException {
        List<Box> boxes = boxes(view);
        Box box = boxes.stream()
                .filter(b -> b.title().startsWith(function + " ("))
                .max((a, b) -> Double.compare(a.right() - a.left(), b.right() - b.left()))
                .orElseThrow(() -> new AssertionError(view + ": no box " + function + " in " + boxes));
        assertTrue(
                box.left() >= 0
                        && box.right() <= SCREEN_WIDTH
                        && box.top() >= 0
                        && box.bottom() <= SCREEN_HEIGHT
                        && box.right() - box.left() >= 100,
                view + ": " + function + " at " + box + ", not on the first " + SCREEN_WIDTH + "x" + SCREEN_HEIGHT
                        + " screen");
    }

    /** The top view's table row (Flat, Flat%, Sum%, Cum, Cum%, Name) of the function has flat% >= percent. */
    private static void assertTopTableFlat(String view, String function, double percent) throws IOException {
        String text = read(view + ".text.txt");
        String[] row = text.lines()
                .map(l -> l.split("\t"))
                .filter(c -> c.length >= 6 && c[5].equals(function))
                .findFirst()
                .orElseThrow(() -> new AssertionError(view + ": no row " + function + " in:\n" + text));
        assertTrue(Double.parseDouble(row[1].replace("%", "")) >= percent, view + ": " + String.join(" ", row));
    }

    /** The source view's line with the text has a value in one of the units. */
    private static void assertSourceCost(String view, String sourceText, String... units) throws IOException {
        String text = read(view + ".text.txt");
        String line = text.lines()
                .filter(l -> l.contains(sourceText))
                .findFirst()
                .orElseThrow(() -> new AssertionError(view + ": no '" + sourceText + "' in:\n" + text));
        String[] columns = line.trim().split("\\s+");
        assertTrue(
                PprofText.hasUnit(columns[2], units) || PprofText.hasUnit(columns[1], units),
                view + ": '" + sourceText + "' has a cost in " + List.of(units) + ": " + line);
    }
}
