package io.github.jmhpprof.jmh;

import io.github.jmhpprof.files.FileNames;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One run per output root at a time: the host holds an OS lock on {@code <dir>/.jmh-pprof.lock}
 * until its JVM exits. The OS releases it when the process dies, however it dies, so a crashed run
 * never leaves the root locked. The file names the holder, for the message a second run gets.
 */
final class RunLock {

    /** Roots this JVM holds, with their open channel (closing it would release the lock). */
    private static final Map<Path, FileLock> HELD = new HashMap<>();

    private RunLock() {}

    /** Whether this JVM holds the lock of {@code root}: then a run into it is under way here. */
    static synchronized boolean heldHere(Path root) {
        return HELD.containsKey(key(root));
    }

    /**
     * The holder of {@code root}'s lock when another process holds it, without creating anything
     * when nobody does. For the start-up check, so that a second run fails before its first benchmark.
     */
    static synchronized Optional<String> otherHolder(Path root) throws IOException {
        Path file = key(root).resolve(FileNames.RUN_LOCK);
        if (heldHere(root) || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock != null) {
                lock.release();
                return Optional.empty();
            }
            return Optional.of(holder(channel));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /**
     * Takes {@code root}'s lock for the rest of this JVM's life (a no-op when this JVM has it).
     *
     * @throws IOException           when the lock file cannot be written
     * @throws IllegalStateException naming the holder, when another process has it
     */
    static synchronized void acquire(Path root) throws IOException {
        Path dir = key(root);
        if (HELD.containsKey(dir)) {
            return;
        }
        Files.createDirectories(dir);
        FileChannel channel = FileChannel.open(
                dir.resolve(FileNames.RUN_LOCK),
                StandardOpenOption.CREATE,
                StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            String holder = holder(channel);
            channel.close();
            throw new IllegalStateException(inUse(dir, holder));
        }
        byte[] text = ("pid " + ProcessHandle.current().pid() + ", started " + Instant.now() + ": " + command() + "\n")
                .getBytes(StandardCharsets.UTF_8);
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(text), 0);
        channel.force(false);
        HELD.put(dir, lock);
    }

    static String inUse(Path root, String holder) {
        return "pprof: another run is writing to " + key(root) + " (" + holder + "); wait for it to end, "
                + "or give this run another folder with dir=<path>";
    }

    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        channel.read(buffer, 0);
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
        return text.isEmpty() ? "a process that has not said which yet" : text;
    }

    private static String command() {
        String command = ProcessHandle.current()
                .info()
                .commandLine()
                .orElse(String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()));
        return command.length() > 300 ? command.substring(0, 300) + "..." : command;
    }

    private static Path key(Path root) {
        return root.toAbsolutePath().normalize();
    }
}
