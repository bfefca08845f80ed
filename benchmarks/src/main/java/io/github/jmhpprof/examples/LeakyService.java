package io.github.jmhpprof.examples;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.jmhpprof.PprofServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Go tutorial's leaking service, in Java, with {@code /debug/pprof/} mounted on its own
 * server, on 127.0.0.1 only.
 * <ul>
 *   <li>{@code /leaky}: a lookup with a timeout hands the slow work to a new thread and waits for
 *       the answer at most {@value #TIMEOUT_MILLIS} ms; the work takes {@value #WORK_MILLIS} ms. The
 *       answer goes through a {@link SynchronousQueue}, so the worker's {@code put} waits for ever
 *       for a reader that has given up: one thread leaked per request.</li>
 *   <li>{@code /fixed}: the same, but the answer goes into a queue with room for it (Go's fix, a
 *       buffered channel), so the worker finishes and its thread ends.</li>
 *   <li>{@code /sort}: some CPU work (a bubble sort), for the CPU profile.</li>
 * </ul>
 * Run it: {@code java -cp benchmarks/target/benchmarks.jar io.github.jmhpprof.examples.LeakyService 6060},
 * load it with {@link LoadGenerator}, then {@code go tool pprof http://127.0.0.1:6060/debug/pprof/goroutine}.
 */
public final class LeakyService implements AutoCloseable {

    static final long TIMEOUT_MILLIS = 10;
    static final long WORK_MILLIS = 50;
    /** After this many leaked threads /leaky answers 503 rather than exhaust the machine. */
    static final int MAX_LEAKED = 5000;

    private final AtomicInteger leaked = new AtomicInteger();
    private final AtomicInteger fixed = new AtomicInteger();
    private final HttpServer server;
    private final ExecutorService executor;

    private LeakyService(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        AtomicInteger n = new AtomicInteger();
        executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/leaky", exchange -> {
            if (leaked.get() >= MAX_LEAKED) {
                reply(exchange, 503, "leaked " + MAX_LEAKED + " threads already; restart the service");
                return;
            }
            int answer = lookupWithTimeout(new SynchronousQueue<>(), "leaky-lookup-" + leaked.incrementAndGet());
            reply(exchange, 200, answer < 0 ? "timeout" : "answer " + answer);
        });
        server.createContext("/fixed", exchange -> {
            int answer = lookupWithTimeout(new ArrayBlockingQueue<>(1), "fixed-lookup-" + fixed.incrementAndGet());
            reply(exchange, 200, answer < 0 ? "timeout" : "answer " + answer);
        });
        server.createContext("/sort", exchange -> reply(exchange, 200, "sorted, first " + bubbleSort(3000)[0]));
        PprofServer.mount(server);
        server.start();
    }

    /** Starts the service on 127.0.0.1; port 0 picks a free one. */
    public static LeakyService start(int port) throws IOException {
        return new LeakyService(port);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** Starts the slow work on its own thread and waits at most TIMEOUT_MILLIS; -1 on timeout. */
    private static int lookupWithTimeout(BlockingQueue<Integer> answer, String threadName) {
        Thread worker = new Thread(null, () -> slowLookup(answer), threadName, 256 * 1024);
        worker.setDaemon(true);
        worker.start();
        try {
            Integer value = answer.poll(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            return value == null ? -1 : value;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The worker: slow work, then the answer. With a SynchronousQueue, {@code put} waits for a reader that left. */
    private static void slowLookup(BlockingQueue<Integer> answer) {
        try {
            Thread.sleep(WORK_MILLIS);
            answer.put(42);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static int[] bubbleSort(int n) {
        int[] a = new Random(n).ints(n).toArray();
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length - 1 - i; j++) {
                if (a[j] > a[j + 1]) {
                    int t = a[j];
                    a[j] = a[j + 1];
                    a[j + 1] = t;
                }
            }
        }
        return a;
    }

    private static void reply(HttpExchange exchange, int status, String text) throws IOException {
        byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 6060;
        LeakyService service = start(port);
        System.out.println("LeakyService on http://127.0.0.1:" + service.port() + "/ (/leaky, /fixed, /sort), "
                + "profiles on http://127.0.0.1:" + service.port() + "/debug/pprof/");
    }
}
