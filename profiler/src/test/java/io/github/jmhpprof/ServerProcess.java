package io.github.jmhpprof;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A program that serves {@code /debug/pprof} in a JVM of its own, as a user's would: a busy thread
 * that allocates, two threads that contend for a lock, and {@link PprofServer} on a free loopback
 * port. Its own temp folder, so a test can see every file it leaves. The test JVM's server
 * settings (sun.net.httpserver.*, read once per JVM) do not leak into it.
 */
final class ServerProcess implements AutoCloseable {

    private final Process process;
    private final Path tmp;
    private final int port;

    private ServerProcess(Process process, Path tmp, int port) {
        this.process = process;
        this.tmp = tmp;
        this.port = port;
    }

    /** The server program: prints "port N" once it listens. */
    public static void main(String[] args) throws Exception {
        PprofServer server = PprofServer.start(0);
        Thread allocator = new Thread(ServerProcess::allocate, "workload-allocator");
        allocator.setDaemon(true);
        allocator.start();
        Object lock = new Object();
        for (int i = 1; i <= 2; i++) {
            Thread t = new Thread(() -> contend(lock), "workload-contender-" + i);
            t.setDaemon(true);
            t.start();
        }
        System.out.println("port " + server.port());
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }

    static volatile Object sink;

    private static void allocate() {
        try {
            while (true) {
                for (int i = 0; i < 16; i++) {
                    sink = new byte[4096];
                }
                Thread.sleep(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void contend(Object lock) {
        try {
            while (true) {
                synchronized (lock) {
                    Thread.sleep(3);
                }
                Thread.sleep(1);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static ServerProcess start(Path tmp, String... jvmFlags) throws IOException, InterruptedException {
        Files.createDirectories(tmp);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp.toAbsolutePath()));
        command.addAll(List.of(jvmFlags));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), ServerProcess.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        StringBuilder seen = new StringBuilder();
        while ((line = out.readLine()) != null) {
            if (line.startsWith("port ")) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> {}), "server-output");
                drain.setDaemon(true);
                drain.start();
                return new ServerProcess(
                        process, tmp, Integer.parseInt(line.substring(5).strip()));
            }
            seen.append(line).append('\n');
        }
        process.waitFor(10, TimeUnit.SECONDS);
        throw new AssertionError("the server process never said its port:\n" + seen);
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** Resident memory of the server process, from /proc. */
    long residentBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new AssertionError("no VmRSS for " + process.pid());
    }

    /**
     * CPU time the server's request threads ({@code pprof-http-N}) have used, from /proc: what
     * serving costs, whatever else the machine runs meanwhile. In clock ticks of 10 ms.
     */
    long handlerCpuTicks() throws IOException {
        long ticks = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException e) {
                    continue; // the thread ended
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (name.startsWith("pprof-http-")) {
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                }
            }
        }
        return ticks;
    }

    /** Bytes in the server's temp folder, JFR's repository included. */
    long tempBytes() throws IOException {
        try (Stream<Path> files = Files.walk(tmp)) {
            return files.filter(Files::isRegularFile)
                    .mapToLong(f -> {
                        try {
                            return Files.size(f);
                        } catch (IOException e) {
                            return 0; // deleted meanwhile
                        }
                    })
                    .sum();
        }
    }

    /** The files in the server's temp folder. */
    List<Path> tempFiles() throws IOException {
        try (Stream<Path> files = Files.walk(tmp)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    void terminate() throws InterruptedException {
        process.destroy();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        kill();
    }
}
