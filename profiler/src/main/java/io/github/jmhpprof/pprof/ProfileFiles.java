package io.github.jmhpprof.pprof;

import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.proto.Profile;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Writes a profile gzip-compressed, as pprof expects, and atomically: the bytes go to a hidden
 * temporary file beside the target, which is renamed into place only when complete. A reader
 * never sees a half-written profile, and a crash leaves no file under the final name.
 */
public final class ProfileFiles {

    private ProfileFiles() {
    }

    /** Encodes the profile and writes it to {@code target}, replacing nothing until it is complete. */
    public static void write(ProfileData profile, Path target) throws IOException {
        write(PprofEncoder.encode(profile), target);
    }

    /** Reads a gzip-compressed profile this project wrote. */
    public static ProfileData read(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return PprofDecoder.decode(Profile.parseFrom(in));
        }
    }

    public static void write(Profile profile, Path target) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(temp))) {
                profile.writeTo(out);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
