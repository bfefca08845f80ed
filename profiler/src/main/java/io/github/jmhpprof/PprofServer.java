package io.github.jmhpprof;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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

    /**
     * Connections served at once. The JDK's server reads a request's headers on the handler's
     * thread, so a client that sends half a request holds a thread until {@link #REQUEST_SECONDS}
     * pass; more connections than threads wait in a queue rather than being refused. The threads
     * are made as needed, and stay.
     */
    static final int THREADS = 16;
    /** Names of the request threads, which the background profiles leave out: they would show only the profiler. */
    static final String THREAD_PREFIX = "pprof-http-";
    /** A request not fully read in this time is dropped ({@code sun.net.httpserver.maxReqTime}). */
    static final int REQUEST_SECONDS = 10;
    /**
     * A response not fully taken by the client in this time is dropped ({@code
     * sun.net.httpserver.maxRspTime}): the longest CPU profile, and a minute for the client to read it.
     */
    static final int RESPONSE_SECONDS = PprofHandler.MAX_SECONDS + 60;

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
        limitRequestTimes();
        HttpServer server = HttpServer.create(address, 0);
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor executor =
                new ThreadPoolExecutor(THREADS, THREADS, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                    Thread t = new Thread(r, THREAD_PREFIX + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
        server.setExecutor(executor);
        mount(server);
        startDaemon(server);
        return new PprofServer(server, executor);
    }

    /**
     * Sets the JDK server's request and response time limits, unless the program set them: they
     * are read once, when the first {@link HttpServer} of the JVM is made, and apply to all.
     */
    private static void limitRequestTimes() {
        if (System.getProperty("sun.net.httpserver.maxReqTime") == null) {
            System.setProperty("sun.net.httpserver.maxReqTime", Integer.toString(REQUEST_SECONDS));
        }
        if (System.getProperty("sun.net.httpserver.maxRspTime") == null) {
            System.setProperty("sun.net.httpserver.maxRspTime", Integer.toString(RESPONSE_SECONDS));
        }
    }

    /**
     * Starts the server from a daemon thread: the JDK's dispatcher thread inherits that, so, as
     * with Go's net/http/pprof, the server does not keep the JVM alive once main returns.
     */
    private static void startDaemon(HttpServer server) throws IOException {
        RuntimeException[] failure = new RuntimeException[1];
        Thread starter = new Thread(
                () -> {
                    try {
                        server.start();
                    } catch (RuntimeException e) {
                        failure[0] = e;
                    }
                },
                "pprof-http-start");
        starter.setDaemon(true);
        starter.start();
        try {
            starter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            server.stop(0);
            throw new IOException("interrupted while starting the /debug/pprof server", e);
        }
        if (failure[0] != null) {
            throw failure[0];
        }
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
