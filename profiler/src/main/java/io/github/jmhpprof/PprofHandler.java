package io.github.jmhpprof;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code /debug/pprof/} endpoints of Go's {@code net/http/pprof}: as there, it routes
 * {@code /debug/pprof/<name>} to {@link Pprof#lookup}{@code (name).writeTo(out, debug)}, and
 * {@code /debug/pprof/profile} to a CPU profile of the seconds asked for. Serves profiles and the
 * index page only: no command line, no symbols, no files. Bad requests get a status and a one-line
 * reason in plain text; nothing is left half-done.
 */
final class PprofHandler implements HttpHandler {

    /** Where the handlers live, as in Go. */
    static final String PREFIX = "/debug/pprof/";

    static final int DEFAULT_SECONDS = 30;
    static final int MAX_SECONDS = 300;

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        // Errors are answered before the exchange closes: try-with-resources would close it first.
        try {
            serve(exchange);
        } catch (BadRequest e) {
            send(exchange, 400, e.getMessage());
        } catch (Pprof.CpuProfileInUseException e) {
            send(exchange, 409, "Could not enable CPU profiling: " + e.getMessage());
        } catch (IllegalStateException | IOException e) {
            send(exchange, 500, "Could not make the profile: " + e.getMessage());
        } finally {
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        if (!path.startsWith(PREFIX)) {
            send(exchange, 404, "404 page not found: profiles are under " + PREFIX);
            return;
        }
        String name = path.substring(PREFIX.length());
        if (!name.isEmpty() && !name.equals("profile") && Pprof.lookup(name) == null) {
            send(exchange, 404, "404 page not found: unknown profile \"" + name + "\"; see " + PREFIX);
            return;
        }
        if (!exchange.getRequestMethod().equals("GET")) {
            exchange.getResponseHeaders().set("Allow", "GET");
            send(exchange, 405, "405 method not allowed: use GET");
            return;
        }
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        if (name.isEmpty()) {
            sendBody(exchange, 200, "text/html; charset=utf-8", index().getBytes(StandardCharsets.UTF_8));
        } else if (name.equals("profile")) {
            cpu(exchange, query);
        } else {
            snapshot(exchange, name, query);
        }
    }

    /**
     * A CPU profile of {@code seconds}, stopped early when the client goes away, as Go's handler
     * does. The JDK's server tells a handler nothing of the connection, and a write to a closed one
     * fails only from the second write on, so the response starts at once and an empty gzip member
     * (20 bytes, which gzip readers, Go's and Java's included, read as nothing) goes out every
     * {@link #PROBE_MILLIS} ms; the profile follows as the last member.
     */
    private static void cpu(HttpExchange exchange, Map<String, String> query) throws IOException {
        int seconds = seconds(query.get("seconds"));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Pprof.startCpuProfile(body);
        // As Go's handler: however the wait ends, the profile stops and is written, to nobody when the client has gone.
        OutputStream out;
        try {
            exchange.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"profile\"");
            setHeaders(exchange, "application/octet-stream");
            exchange.sendResponseHeaders(200, 0);
            out = exchange.getResponseBody();
            long end = System.nanoTime() + seconds * 1_000_000_000L;
            for (long left = end - System.nanoTime(); left > 0; left = end - System.nanoTime()) {
                Thread.sleep(Math.min(PROBE_MILLIS, left / 1_000_000 + 1));
                out.write(EMPTY_GZIP_MEMBER);
                out.flush();
            }
        } catch (IOException e) {
            stopCpuProfile();
            return; // the client went away: nobody to answer
        } catch (InterruptedException e) {
            stopCpuProfile();
            Thread.currentThread().interrupt();
            return; // the server stops
        } catch (RuntimeException e) {
            stopCpuProfile();
            throw e;
        }
        if (stopCpuProfile()) {
            out.write(body.toByteArray());
            out.close();
        }
    }

    /**
     * Whether the CPU profile stopped and was written. When not, the status is out already: the
     * client gets no profile, and its reader says so.
     */
    private static boolean stopCpuProfile() {
        try {
            Pprof.stopCpuProfile();
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** How often a running CPU profile checks that its client is still there. */
    static final int PROBE_MILLIS = 500;

    /** A gzip member with no content: header, an empty final deflate block, CRC and size 0. */
    static final byte[] EMPTY_GZIP_MEMBER = {
        0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff, 3, 0, 0, 0, 0, 0, 0, 0, 0, 0
    };

    private static void snapshot(HttpExchange exchange, String name, Map<String, String> query) throws IOException {
        if (query.containsKey("seconds")) {
            throw new BadRequest("seconds is only for " + PREFIX + "profile here; " + name
                    + " covers the time since the background recording started, or now");
        }
        int debug = debug(query.getOrDefault("debug", "0"));
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Pprof.lookup(name).writeTo(body, debug);
        if (debug == 1) {
            sendBody(exchange, 200, "text/plain; charset=utf-8", body.toByteArray());
        } else {
            exchange.getResponseHeaders().set("Content-Disposition", "attachment; filename=\"" + name + "\"");
            sendBody(exchange, 200, "application/octet-stream", body.toByteArray());
        }
    }

    /** The forms a profile is written in: {@link Pprof.Profile#writeTo}'s debug levels, as the query gives them. */
    private static int debug(String value) {
        return switch (value) {
            case "0" -> 0;
            case "1" -> 1;
            default -> throw new BadRequest("debug must be 0 (pprof protobuf) or 1 (text), got \"" + value + "\"");
        };
    }

    /** The duration of a CPU profile: Go's default 30 s when absent, else a whole number of seconds within bounds. */
    static int seconds(String value) {
        if (value == null) {
            return DEFAULT_SECONDS;
        }
        int seconds;
        try {
            seconds = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (seconds < 1 || seconds > MAX_SECONDS) {
            throw new BadRequest("seconds must be a whole number from 1 to " + MAX_SECONDS + ", got \"" + value + "\"");
        }
        return seconds;
    }

    static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                values.putIfAbsent(
                        URLDecoder.decode(key, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                throw new BadRequest("malformed query parameter \"" + pair + "\"");
            }
        }
        return values;
    }

    private static String index() {
        StringBuilder html =
                new StringBuilder("<!DOCTYPE html>\n<html><head><title>/debug/pprof/</title></head><body>\n"
                        + "<h1>/debug/pprof/</h1>\n<p>pprof profiles of this JVM, made by jmh-pprof from JDK Flight Recorder. "
                        + "Open one with <code>go tool pprof http://HOST:PORT/debug/pprof/NAME</code>.</p>\n<table>\n"
                        + "<tr><td><a href=\"profile?seconds=" + DEFAULT_SECONDS
                        + "\">profile</a></td><td>CPU profile; "
                        + "<code>seconds</code> from 1 to " + MAX_SECONDS + " (default " + DEFAULT_SECONDS
                        + "), one at a time</td></tr>\n");
        for (Pprof.Profile profile : Pprof.profiles()) {
            row(html, profile.name(), profile.description());
        }
        row(html, Pprof.GOROUTINE, "The same as threads, by Go's name");
        return html.append("</table>\n</body></html>\n").toString();
    }

    private static void row(StringBuilder html, String name, String description) {
        html.append("<tr><td><a href=\"")
                .append(name)
                .append("?debug=1\">")
                .append(name)
                .append("</a></td><td>")
                .append(description)
                .append("</td></tr>\n");
    }

    /** An error, as Go's serveError: plain text, marked so that go tool pprof prints the reason. */
    private static void send(HttpExchange exchange, int status, String message) throws IOException {
        exchange.getResponseHeaders().set("X-Go-Pprof", "1");
        sendBody(exchange, status, "text/plain; charset=utf-8", (message + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void sendBody(HttpExchange exchange, int status, String contentType, byte[] body)
            throws IOException {
        setHeaders(exchange, contentType);
        exchange.sendResponseHeaders(status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private static void setHeaders(HttpExchange exchange, String contentType) {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
    }

    private static final class BadRequest extends IllegalArgumentException {
        BadRequest(String message) {
            super(message);
        }
    }
}
