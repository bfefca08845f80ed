package io.github.jmhpprof.pprof;

import io.github.jmhpprof.files.AtomicFiles;
import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.proto.Profile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** Reads and writes gzip-compressed pprof files, as pprof expects them; writes are atomic ({@link AtomicFiles}). */
public final class ProfileFiles {

    private ProfileFiles() {}

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
        AtomicFiles.write(target, out -> writeTo(profile, out));
    }

    /** Encodes the profile, gzip-compressed, to {@code out}, which stays open. */
    public static void writeTo(ProfileData profile, OutputStream out) throws IOException {
        writeTo(PprofEncoder.encode(profile), out);
    }

    private static void writeTo(Profile profile, OutputStream out) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(out);
        profile.writeTo(gzip);
        gzip.finish();
    }
}
