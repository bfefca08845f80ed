package io.github.jmhpprof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PprofServerTest {

    /** The background recording keeps JFR's old-object sampler busy: other tests in this JVM need it stopped. */
    @AfterEach
    void stopBackgroundRecording() {
        Pprof.stopRecording();
    }

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void servesOnLoopbackOnlyProfilesOnlyAndStops() throws Exception {
        PprofServer server = PprofServer.start(0);
        String base = "http://127.0.0.1:" + server.port();
        try {
            HttpResponse<String> index = get(base + "/debug/pprof/");
            assertEquals(200, index.statusCode());
            assertTrue(index.body().contains("<a href=\"goroutine?debug=1\">goroutine</a>"), index.body());
            assertEquals(404, get(base + "/").statusCode());
            assertEquals(404, get(base + "/debug/pprof/symbol").statusCode());
            assertEquals(404, get(base + "/debug/pprof/goroutine/extra").statusCode());
            HttpResponse<String> post = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/debug/pprof/heap"))
                            .POST(HttpRequest.BodyPublishers.noBody())
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(405, post.statusCode());
            assertEquals("GET", post.headers().firstValue("allow").orElse(""));
            HttpResponse<String> threads = get(base + "/debug/pprof/threads?debug=1");
            assertEquals(200, threads.statusCode());
            assertTrue(threads.body().contains("thread=pprof-http-#"), threads.body());
        } finally {
            server.stop();
        }
        assertThrows(ConnectException.class, () -> get(base + "/debug/pprof/"));
    }

    @Test
    void itsThreadsAreDaemonsSoAMainThatReturnsEndsTheJvm() throws Exception {
        try (PprofServer server = PprofServer.start(0)) {
            HttpURLConnection c =
                    (HttpURLConnection) new URL("http://127.0.0.1:" + server.port() + "/debug/pprof/").openConnection();
            assertEquals(200, c.getResponseCode()); // a request, so the pool's threads exist too
            List<Thread> serverThreads = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().startsWith("HTTP-Dispatcher")
                            || t.getName().startsWith("pprof-http-"))
                    .toList();
            assertTrue(
                    serverThreads.stream().anyMatch(t -> t.getName().startsWith("HTTP-Dispatcher")),
                    serverThreads.toString());
            serverThreads.forEach(t -> assertTrue(t.isDaemon(), t + " is a daemon"));
        }
    }

    @Test
    void startBindsTheLoopbackAddress() throws Exception {
        try (PprofServer server = PprofServer.start(0)) {
            for (InetAddress address :
                    InetAddress.getAllByName(InetAddress.getLocalHost().getHostName())) {
                if (!address.isLoopbackAddress()) {
                    String host = address.getHostAddress().contains(":")
                            ? "[" + address.getHostAddress() + "]"
                            : address.getHostAddress();
                    assertThrows(
                            ConnectException.class,
                            () -> get("http://" + host + ":" + server.port() + "/debug/pprof/"),
                            "reachable on " + host);
                }
            }
        }
    }

    @Test
    void mountsOnTheProgramsOwnServerBesideItsHandlers() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService executor = Executors.newFixedThreadPool(2);
        server.setExecutor(executor);
        server.createContext("/hello", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        PprofServer.mount(server);
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            assertEquals(200, get(base + "/hello").statusCode());
            HttpResponse<byte[]> goroutine = http.send(
                    HttpRequest.newBuilder(URI.create(base + "/debug/pprof/goroutine"))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, goroutine.statusCode());
            assertEquals(
                    "application/octet-stream",
                    goroutine.headers().firstValue("content-type").orElse(""));
            assertEquals(
                    "threads",
                    PprofTest.decode(goroutine.body()).sampleTypes().get(0).type());
        } finally {
            server.stop(0);
            executor.shutdownNow();
        }
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(30))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
