package io.github.jmhpprof.files;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes a file so that no reader ever sees it half-written: the bytes go to a hidden temporary
 * file beside the target, which is renamed into place only when complete. A crash leaves no
 * file under the final name, only a hidden {@code .tmp} that the next write does not reuse.
 * The file gets the permissions any new file gets (0666 less the umask), as a plain write would:
 * not the 0600 of {@code Files.createTempFile}, which would hide CI artifacts and shared results.
 */
public final class AtomicFiles {

    /** What writes the content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** {@code .<target>.<random hex>.tmp}: hidden, and never the name of a result. */
    private static final Pattern TEMP = Pattern.compile("\\.(.+)\\.\\p{XDigit}{1,16}\\.tmp");

    private AtomicFiles() {}

    static String tempName(String target, long random) {
        return "." + target + "." + Long.toHexString(random) + ".tmp";
    }

    /** The name of the file a temporary file of this class was to become, when {@code name} is one. */
    public static Optional<String> targetOfTemp(String name) {
        Matcher m = TEMP.matcher(name);
        return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
    }

    public static void write(Path target, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = null;
        try {
            OutputStream stream = null;
            while (stream == null) {
                temp = dir.resolve(tempName(
                        target.getFileName().toString(),
                        ThreadLocalRandom.current().nextLong()));
                try {
                    stream = Files.newOutputStream(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (FileAlreadyExistsException taken) {
                    temp = null;
                }
            }
            try (OutputStream out = stream) {
                content.writeTo(out);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            if (temp != null) {
                Files.deleteIfExists(temp);
            }
        }
    }
}
