package io.github.jmhpprof.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.jmhpprof.testing.GoPprof;
import io.github.jmhpprof.testing.RawProfile;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * End to end: the example service on a free loopback port, bounded load over 127.0.0.1, and every
 * /debug/pprof endpoint fetched by the real {@code go tool pprof}.
 */
class LeakyServiceTest {

    private static final String LEAKED_PUT = "java.util.concurrent.SynchronousQueue.put";
    private static final String WORKER = "io.github.jmhpprof.examples.LeakyService.slowLookup";

    private static LeakyService service;
    private static String base;
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startService() throws Exception {
        service = LeakyService.start(0);
        base = "http://127.0.0.1:" + service.port();
    }

    @AfterAll
    static void stopService() {
        service.close();
    }

    @Test
    void theThreadsProfileShowsTheLeakGrowingWithRequestsAndTheFixedHandlerLeavingNothing() throws Exception {
        long before = leakedThreads(threadsProfile());

        assertEquals(20, LoadGenerator.run(URI.create(base + "/leaky"), 20, 4));
        long afterTwenty = awaitLeaked(before + 20);
        assertEquals(20, LoadGenerator.run(URI.create(base + "/leaky"), 20, 4));
        long afterForty = awaitLeaked(before + 40);
        assertEquals(before + 20, afterTwenty, "one blocked thread per request to /leaky");
        assertEquals(before + 40, afterForty, "the leak grows with the requests");

        assertEquals(20, LoadGenerator.run(URI.create(base + "/fixed"), 20, 4));
        RawProfile afterFixed = await(p -> threads(p, "fixed-lookup-#") == 0);
        assertEquals(0, threads(afterFixed, "fixed-lookup-#"), "the fixed handler's workers end");
        assertEquals(before + 40, leakedThreads(afterFixed), "the fixed handler leaks nothing");

        String text = get("/debug/pprof/goroutine?debug=1").body();
        assertTrue(text.startsWith("threads profile: total "), text);
        assertTrue(text.contains("@ state=WAITING thread=leaky-lookup-#\n#\tjdk.internal.misc.Unsafe.park"), text);
        assertTrue(text.contains(WORKER), text);
    }

    @Test
    void everyEndpointOpensInGoToolPprofUnderLoad() throws Exception {
        CompletableFuture<Integer> load = CompletableFuture.supplyAsync(() -> {
            try {
                return LoadGenerator.run(URI.create(base + "/sort"), 300, 2)
                        + LoadGenerator.run(URI.create(base + "/fixed"), 20, 2);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        RawProfile cpu = fetch("/debug/pprof/profile?seconds=2");
        assertEquals(320, load.get());
        assertEquals(List.of("samples/count", "cpu/nanoseconds"), cpu.sampleTypes());
        assertTrue(hasFunction(cpu, "io.github.jmhpprof.examples.LeakyService.bubbleSort"), "CPU in the sort");

        RawProfile allocs = fetch("/debug/pprof/allocs");
        assertEquals(List.of("alloc_objects/count", "alloc_space/bytes"), allocs.sampleTypes());
        assertTrue(allocs.total("alloc_space") > 0);

        RawProfile heap = fetch("/debug/pprof/heap");
        assertEquals(List.of("inuse_objects/count", "inuse_space/bytes"), heap.sampleTypes());

        RawProfile block = fetch("/debug/pprof/block");
        assertEquals(List.of("contentions/count", "delay/nanoseconds"), block.sampleTypes());
        assertTrue(
                hasFunction(block, "io.github.jmhpprof.examples.LeakyService.lookupWithTimeout"),
                "the handlers' 10 ms timed waits");

        RawProfile mutex = fetch("/debug/pprof/mutex");
        assertEquals(List.of("contentions/count", "delay/nanoseconds"), mutex.sampleTypes());

        RawProfile threads = fetch("/debug/pprof/goroutine");
        assertEquals(List.of("threads/count"), threads.sampleTypes());
        assertTrue(threads.total("threads") >= leakedThreads(threads) && leakedThreads(threads) >= 0);
        assertTrue(hasFunction(threads, "java.lang.Thread.run"), "live threads' stacks");

        HttpResponse<String> index = get("/debug/pprof/");
        assertEquals(200, index.statusCode());
        for (String name : List.of("profile", "allocs", "heap", "block", "mutex", "goroutine")) {
            assertTrue(index.body().contains("href=\"" + name), name + " in the index");
        }
    }

    @Test
    void badRequestsGetClearErrorsAndTheServerKeepsServing() throws Exception {
        assertError(400, "seconds must be a whole number from 1 to 300, got \"-1\"", "/debug/pprof/profile?seconds=-1");
        assertError(
                400,
                "seconds must be a whole number from 1 to 300, got \"99999\"",
                "/debug/pprof/profile?seconds=99999");
        assertError(400, "got \"ten\"", "/debug/pprof/profile?seconds=ten");
        assertError(400, "debug must be 0 (pprof protobuf) or 1 (text)", "/debug/pprof/heap?debug=2");
        assertError(404, "unknown profile \"nope\"", "/debug/pprof/nope");
        assertError(404, "unknown profile \"cmdline\"", "/debug/pprof/cmdline");
        assertEquals(404, get("/debug/nope").statusCode());

        GoPprof.Result refused = GoPprof.fetch(List.of("-raw"), base + "/debug/pprof/profile?seconds=99999");
        assertNotEquals(0, refused.exitCode());
        assertTrue(refused.stderr().contains("seconds must be a whole number from 1 to 300"), refused.stderr());

        CompletableFuture<HttpResponse<String>> first =
                HTTP.sendAsync(request("/debug/pprof/profile?seconds=3"), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(1000);
        assertError(
                409, "Could not enable CPU profiling: cpu profiling already in use", "/debug/pprof/profile?seconds=1");
        assertEquals(200, first.get().statusCode());

        assertEquals(200, get("/debug/pprof/goroutine?debug=1").statusCode(), "still serving");
        fetch("/debug/pprof/profile?seconds=1");
    }

    private static void assertError(int status, String message, String path) throws Exception {
        HttpResponse<String> response = get(path);
        assertEquals(status, response.statusCode(), path + ": " + response.body());
        assertTrue(response.body().contains(message), path + ": " + response.body());
        assertEquals(List.of("text/plain; charset=utf-8"), response.headers().allValues("content-type"));
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(request(path), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
    }

    private static RawProfile fetch(String path) {
        return RawProfile.parse(GoPprof.fetch(List.of("-raw"), base + path).assertNoStderr());
    }

    private static RawProfile threadsProfile() {
        return fetch("/debug/pprof/goroutine");
    }

    /** Threads blocked in the leaked put, as pprof reads them. */
    private static long leakedThreads(RawProfile threads) {
        return threads.samples().stream()
                .filter(s -> "leaky-lookup-#".equals(s.labels().get("thread")))
                .filter(s -> threads.functions(s).contains(LEAKED_PUT)
                        && threads.functions(s).contains(WORKER))
                .mapToLong(s -> s.values()[0])
                .sum();
    }

    private static long threads(RawProfile threads, String family) {
        return threads.samples().stream()
                .filter(s -> family.equals(s.labels().get("thread")))
                .mapToLong(s -> s.values()[0])
                .sum();
    }

    /** The workers reach their put after their 50 ms of work: wait up to 10 s for them. */
    private static long awaitLeaked(long expected) throws InterruptedException {
        return leakedThreads(await(p -> leakedThreads(p) >= expected));
    }

    private static RawProfile await(Predicate<RawProfile> done) throws InterruptedException {
        RawProfile profile = threadsProfile();
        for (int i = 0; i < 50 && !done.test(profile); i++) {
            Thread.sleep(200);
            profile = threadsProfile();
        }
        return profile;
    }

    private static boolean hasFunction(RawProfile profile, String function) {
        return profile.samples().stream().anyMatch(s -> profile.functions(s).contains(function));
    }
}
