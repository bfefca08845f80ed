package io.github.jmhpprof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A scraper that never stops, against a server in a process of its own: 3,000 mixed requests
 * (allocs, heap, block, mutex, goroutine, text and protobuf, the index, CPU profiles whose clients
 * leave) from four clients, while six half-sent requests are kept open all along. What a request
 * costs must not depend on how many came before: the server's memory, its temp folder (JFR's
 * repository included) and the median latency of the last thousand requests against the first.
 * The bounds are generous (the machine is shared), and still far below what growth would give:
 * before the recording was streamed, every allocs request added about 230 kB to the temp folder
 * and took longer than the one before.
 */
class PprofServerSoakTest {

    private static final int PER_PHASE = 1000;
    private static final String[] MIX = {
        "/debug/pprof/allocs", "/debug/pprof/block", "/debug/pprof/mutex", "/debug/pprof/allocs?debug=1",
        "/debug/pprof/goroutine", "/debug/pprof/allocs", "/debug/pprof/block?debug=1", "/debug/pprof/mutex?debug=1",
        "/debug/pprof/", "/debug/pprof/goroutine?debug=1"
    };
    private static final String HEAP = "/debug/pprof/heap";
    private static final String LEAVING_CPU = "/debug/pprof/profile?seconds=30";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void thousandsOfMixedRequestsLeaveMemoryTempFilesAndLatencyFlat() throws Exception {
        try (ServerProcess server = ServerProcess.start(
                        PprofServerFaultsTest.newTmp("soak"),
                        "-Xms128m",
                        "-Xmx128m",
                        "-XX:+AlwaysPreTouch",
                        "-XX:+UseSerialGC");
                SlowClients slow = new SlowClients(server.port(), 6)) {
            double[] millis = new double[3 * PER_PHASE];
            Map<String, List<Double>> byPath = new ConcurrentHashMap<>();
            long started = System.nanoTime();
            long cpu0 = server.handlerCpuTicks();
            run(server, 0, PER_PHASE, millis, byPath);
            long cpuFirst = server.handlerCpuTicks() - cpu0;
            long rssFirst = server.residentBytes();
            long tempFirst = server.tempBytes();
            run(server, PER_PHASE, 2 * PER_PHASE, millis, byPath);
            long cpu2 = server.handlerCpuTicks();
            run(server, 2 * PER_PHASE, 3 * PER_PHASE, millis, byPath);
            long cpuLast = server.handlerCpuTicks() - cpu2;
            long rssLast = server.residentBytes();
            long tempLast = server.tempBytes();
            double seconds = (System.nanoTime() - started) / 1e9;

            double first = median(Arrays.copyOfRange(millis, 0, PER_PHASE));
            double last = median(Arrays.copyOfRange(millis, 2 * PER_PHASE, 3 * PER_PHASE));
            // Clock ticks are 10 ms: CPU per request in ms is ticks * 10 / requests.
            double cpuPerFirst = cpuFirst * 10.0 / PER_PHASE;
            double cpuPerLast = cpuLast * 10.0 / PER_PHASE;
            StringBuilder report = new StringBuilder(String.format(
                    Locale.ROOT,
                    "soak: %d requests in %.1f s; median latency first/last thousand %.1f/%.1f ms; "
                            + "request threads' CPU per request %.2f/%.2f ms; RSS %d/%d MB; temp folder %.1f/%.1f MB; "
                            + "half-sent requests dropped by the server: %d%n",
                    millis.length,
                    seconds,
                    first,
                    last,
                    cpuPerFirst,
                    cpuPerLast,
                    rssFirst >> 20,
                    rssLast >> 20,
                    tempFirst / 1e6,
                    tempLast / 1e6,
                    slow.dropped()));
            new TreeMap<>(byPath)
                    .forEach((path, list) -> report.append(String.format(
                            Locale.ROOT,
                            "  %-36s %5d requests, median %6.1f ms%n",
                            path,
                            list.size(),
                            median(list.stream()
                                    .mapToDouble(Double::doubleValue)
                                    .toArray()))));
            System.out.print(report);

            assertTrue(last <= 3 * first + 100, report.toString());
            assertTrue(cpuFirst > 0, "the request threads' CPU time is seen: " + report);
            assertTrue(cpuPerLast <= 2 * cpuPerFirst + 2, report.toString());
            assertTrue(rssLast <= rssFirst + (64L << 20), report.toString());
            // JFR keeps at most KEPT_ON_DISK_BYTES of delivered chunks, plus the chunk being written (up to 12 MB).
            assertTrue(
                    tempLast <= tempFirst + 24_000_000L
                            && tempLast <= BackgroundRecording.KEPT_ON_DISK_BYTES + (16L << 20),
                    report.toString());
            assertTrue(slow.dropped() >= 6, "half-sent requests time out: " + report);
            // The last client that left a CPU profile is noticed within a second or two.
            long start = System.nanoTime();
            int status;
            do {
                status = get(server, "/debug/pprof/profile?seconds=1").statusCode();
            } while (status == 409 && System.nanoTime() - start < 10_000_000_000L);
            assertEquals(200, status, report.toString());
        }
    }

    /** Requests {@code from} to {@code to} (exclusive), by four clients; each one's latency in ms. */
    private void run(ServerProcess server, int from, int to, double[] millis, Map<String, List<Double>> byPath)
            throws Exception {
        AtomicInteger next = new AtomicInteger(from);
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            done.add(clients.submit(() -> {
                for (int i = next.getAndIncrement(); i < to; i = next.getAndIncrement()) {
                    String path = i % 150 == 75 ? LEAVING_CPU : i % 50 == 25 ? HEAP : MIX[i % MIX.length];
                    long t0 = System.nanoTime();
                    if (path.equals(LEAVING_CPU)) {
                        leaveACpuProfile(server);
                    } else {
                        int status = get(server, path).statusCode();
                        if (status != 200) {
                            throw new AssertionError(path + " answered " + status);
                        }
                    }
                    millis[i] = (System.nanoTime() - t0) / 1e6;
                    byPath.computeIfAbsent(path, p -> java.util.Collections.synchronizedList(new ArrayList<>()))
                            .add(millis[i]);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        clients.shutdown();
    }

    /** Starts a CPU profile and goes away once it has begun (or was refused: one runs already). */
    private static void leaveACpuProfile(ServerProcess server) throws IOException {
        try (Socket socket = RawHttp.connect(server.port())) {
            String status = RawHttp.statusLine(socket, LEAVING_CPU);
            if (!status.equals("HTTP/1.1 200 OK") && !status.startsWith("HTTP/1.1 409")) {
                throw new AssertionError("profile answered " + status);
            }
        }
    }

    private HttpResponse<byte[]> get(ServerProcess server, String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    /** Keeps {@code count} half-sent requests open, opening a new one whenever the server drops one. */
    private static final class SlowClients implements AutoCloseable {
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicInteger dropped = new AtomicInteger();
        private final Thread thread;

        SlowClients(int port, int count) {
            thread = new Thread(
                    () -> {
                        List<Socket> open = new ArrayList<>();
                        try {
                            while (running.get()) {
                                while (open.size() < count) {
                                    open.add(RawHttp.halfSent(port));
                                }
                                for (Socket s : new ArrayList<>(open)) {
                                    if (RawHttp.closedByServer(s, 50)) {
                                        dropped.incrementAndGet();
                                        s.close();
                                        open.remove(s);
                                    }
                                }
                            }
                        } catch (IOException e) {
                            // the server went away: the test has ended
                        } finally {
                            for (Socket s : open) {
                                try {
                                    s.close();
                                } catch (IOException ignored) {
                                    // closing anyway
                                }
                            }
                        }
                    },
                    "slow-clients");
            thread.setDaemon(true);
            thread.start();
        }

        int dropped() {
            return dropped.get();
        }

        @Override
        public void close() throws InterruptedException {
            running.set(false);
            thread.join(5000);
        }
    }
}
