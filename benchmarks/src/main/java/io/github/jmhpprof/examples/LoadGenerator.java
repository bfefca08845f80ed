package io.github.jmhpprof.examples;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded load generator for the examples: a fixed number of GET requests, a few at a time, to
 * a loopback address only.
 * {@code java -cp benchmarks.jar io.github.jmhpprof.examples.LoadGenerator http://127.0.0.1:6060/leaky 200 4}
 */
public final class LoadGenerator {

    /** At most this many requests per run. */
    static final int MAX_REQUESTS = 100_000;

    static final int MAX_CONCURRENCY = 16;

    private LoadGenerator() {}

    /**
     * Sends {@code requests} GETs to {@code url}, {@code concurrency} at a time; returns how many got HTTP 200.
     *
     * @throws IllegalArgumentException when the URL is not on a loopback address or the counts are out of bounds
     */
    public static int run(URI url, int requests, int concurrency) throws IOException, InterruptedException {
        if (!InetAddress.getByName(url.getHost()).isLoopbackAddress()) {
            throw new IllegalArgumentException("load goes to loopback addresses only, not " + url.getHost());
        }
        if (requests < 1 || requests > MAX_REQUESTS || concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException("requests must be 1.." + MAX_REQUESTS + " and concurrency 1.."
                    + MAX_CONCURRENCY + ", got " + requests + " and " + concurrency);
        }
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        AtomicInteger left = new AtomicInteger(requests);
        AtomicInteger ok = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < concurrency; i++) {
                workers.add(pool.submit(() -> {
                    while (left.getAndDecrement() > 0) {
                        HttpResponse<Void> response = client.send(request, HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() == 200) {
                            ok.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
        } catch (ExecutionException e) {
            throw new IOException("a request failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return ok.get();
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: LoadGenerator <http://127.0.0.1:PORT/path> <requests> <concurrency>");
            System.exit(2);
        }
        int ok = run(URI.create(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]));
        System.out.println(ok + " of " + args[1] + " requests answered 200");
    }
}
