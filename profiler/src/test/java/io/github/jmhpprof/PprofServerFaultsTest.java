package io.github.jmhpprof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A {@code /debug/pprof} server in a process of its own, against clients that leave mid-profile,
 * never finish their request, or a process that ends by signal: it frees what they held, keeps
 * answering others, and leaves no temp file behind.
 */
class PprofServerFaultsTest {

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aCpuProfileStopsWhenItsClientGoesAway() throws Exception {
        try (ServerProcess server = ServerProcess.start(newTmp("disconnect"))) {
            try (Socket leaving = RawHttp.connect(server.port())) {
                assertEquals("HTTP/1.1 200 OK", RawHttp.statusLine(leaving, "/debug/pprof/profile?seconds=60"));
                Thread.sleep(300);
            }
            long start = System.nanoTime();
            int status;
            do {
                Thread.sleep(200);
                status = get(server, "/debug/pprof/profile?seconds=1").statusCode();
            } while (status == 409 && System.nanoTime() - start < 15_000_000_000L);
            assertEquals(200, status, "the next CPU profile runs once the first client is gone, not after its 60 s");
        }
    }

    @Test
    void halfSentRequestsTimeOutWithoutStarvingOthers() throws Exception {
        try (ServerProcess server = ServerProcess.start(newTmp("half-sent"))) {
            List<Socket> slow = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    slow.add(RawHttp.halfSent(server.port()));
                }
                long start = System.nanoTime();
                HttpResponse<byte[]> answer = get(server, "/debug/pprof/goroutine?debug=1");
                long millis = (System.nanoTime() - start) / 1_000_000;
                assertEquals(200, answer.statusCode());
                assertTrue(millis < 5000, "answered beside 8 half-sent requests in " + millis + " ms");
                for (Socket s : slow) {
                    assertTrue(
                            RawHttp.closedByServer(s, (PprofServer.REQUEST_SECONDS + 10) * 1000),
                            "a half-sent request is dropped after " + PprofServer.REQUEST_SECONDS + " s");
                }
            } finally {
                for (Socket s : slow) {
                    s.close();
                }
            }
        }
    }

    @Test
    void noTempFileOutlivesTheServerWhetherTerminatedOrKilled() throws Exception {
        Path tmp = newTmp("signals");
        try (ServerProcess server = ServerProcess.start(tmp)) {
            hammer(server, Duration.ofSeconds(3)); // heap profiles dump JFR data while the signal comes
            server.terminate();
            assertTrue(ownFiles(tmp).isEmpty(), "after SIGTERM: " + ownFiles(tmp));
        }
        long killed;
        try (ServerProcess server = ServerProcess.start(tmp)) {
            hammer(server, Duration.ofSeconds(1));
            killed = server.pid();
            server.kill();
        }
        Path left = tmp.resolve("jmh-pprof-" + killed);
        if (Files.notExists(left)) {
            // The kill came before the first dump: leave what a kill during one leaves.
            Files.writeString(Files.createDirectories(left).resolve("dump-1.jfr"), "cut short");
        }
        try (ServerProcess next = ServerProcess.start(tmp)) {
            assertTrue(Files.notExists(left), "the next server removes a killed one's folder");
        }
    }

    /** Files and folders of ours in a temp folder: jmh-pprof-* (JFR's own repository is the JDK's). */
    private static List<Path> ownFiles(Path tmp) throws Exception {
        try (var files = Files.walk(tmp)) {
            return files.filter(p -> !p.equals(tmp))
                    .filter(p -> tmp.relativize(p).getName(0).toString().startsWith("jmh-pprof"))
                    .toList();
        }
    }

    /** Four clients asking for heap and allocs profiles, and a CPU profile running, for a while. */
    private void hammer(ServerProcess server, Duration time) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(5);
        long end = System.nanoTime() + time.toNanos();
        clients.submit(() -> get(server, "/debug/pprof/profile?seconds=60"));
        for (int c = 0; c < 4; c++) {
            String path = c % 2 == 0 ? "/debug/pprof/heap" : "/debug/pprof/allocs";
            clients.submit(() -> {
                while (System.nanoTime() < end) {
                    get(server, path);
                }
                return null;
            });
        }
        Thread.sleep(time.toMillis());
        clients.shutdownNow();
        clients.awaitTermination(1, TimeUnit.SECONDS);
    }

    private HttpResponse<byte[]> get(ServerProcess server, String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                        .timeout(Duration.ofSeconds(60))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    static Path newTmp(String name) throws Exception {
        Path root = Files.createDirectories(Path.of("target", "server-tmp"));
        return Files.createTempDirectory(root, name + "-").toAbsolutePath();
    }
}
