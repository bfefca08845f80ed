package io.github.jmhpprof;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Go's {@code net/http/pprof} for any Java program: {@link Pprof}'s profiles over HTTP under
 * {@code /debug/pprof/}, on a port of its own ({@link #start(int)}) or on the program's own
 * {@link HttpServer} ({@link #mount(HttpServer)}).
 * <pre>
 *   PprofServer pprof = PprofServer.start(6060);   // http://127.0.0.1:6060/debug/pprof/
 *   go tool pprof http://127.0.0.1:6060/debug/pprof/goroutine
 * </pre>
 */
public final class PprofServer implements AutoCloseable {

    /** Enough for a CPU profile plus a few snapshots at once; a CPU profile holds its thread for its seconds. */
    private static final int THREADS = 4;

    private final HttpServer server;
    private final ExecutorService executor;

    private PprofServer(HttpServer server, ExecutorService executor) {
        this.server = server;
        this.executor = executor;
    }

    /**
     * Serves {@code /debug/pprof/} on 127.0.0.1 only, and starts the background recording behind the
     * allocs, heap, block and mutex profiles.
     *
     * @param port the port, or 0 for any free one ({@link #port()} tells which)
     */
    public static PprofServer start(int port) throws IOException {
        return start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    }

    /**
     * Serves {@code /debug/pprof/} on the given address. Profiles show the program's code and
     * data: bind to anything but loopback only behind your own access control.
     */
    public static PprofServer start(InetSocketAddress address) throws IOException {
        HttpServer server = HttpServer.create(address, 0);
        AtomicInteger n = new AtomicInteger();
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, r -> {
            Thread t = new Thread(r, "pprof-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        mount(server);
        server.start();
        return new PprofServer(server, executor);
    }

    /**
     * Adds {@code /debug/pprof/} to the program's own server and starts the background recording.
     * With the server's default executor, requests run one at a time, and a CPU profile holds up
     * the others for its seconds: give the server an executor with a few threads.
     */
    public static void mount(HttpServer server) {
        Pprof.startRecording();
        server.createContext(PprofHandler.PREFIX, new PprofHandler());
    }

    /** The port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Stops serving (a request in progress gets up to a second to finish). The background recording goes on. */
    public void stop() {
        server.stop(1);
        executor.shutdownNow();
    }

    @Override
    public void close() {
        stop();
    }
}
