package io.github.jmhpprof.proto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.github.jmhpprof.testing.GoPprof;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Profiles written by Go itself (go test -cpuprofile/-memprofile/-blockprofile/-mutexprofile,
 * Go 1.19) survive a decode and re-encode through our generated classes: no field of the
 * format is missing or mistyped in our profile.proto.
 */
class GoProfileRoundTripTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"cpu", "mem", "block", "mutex"})
    void reencodedGoProfilePrintsTheSame(String name) throws IOException {
        Path original = copyResource("/go/" + name + ".prof", dir.resolve(name + ".prof"));
        Profile profile;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(original))) {
            profile = Profile.parseFrom(in);
        }
        // An unknown field would mean our schema lacks (or mistypes) something Go writes.
        assertNoUnknownFields(profile, name);

        Path copy = dir.resolve(name + ".copy.pb.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(copy))) {
            profile.writeTo(out);
        }

        String want = GoPprof.run(List.of("-raw"), original).assertNoStderr();
        String got = GoPprof.run(List.of("-raw"), copy).assertNoStderr();
        assertEquals(want, got, "pprof -raw of the re-encoded " + name + " profile");
        // The dump stored beside the profile was made by Go's pprof when the profile was
        // written; matching it too shows the pprof here reads the profile the same way.
        assertEquals(resourceText("/go/" + name + ".raw.txt"), got, "stored dump of " + name);
    }

    private static void assertNoUnknownFields(Message message, String where) {
        assertTrue(
                message.getUnknownFields().asMap().isEmpty(),
                () -> "unknown fields in " + where + ": " + message.getUnknownFields());
        message.getAllFields().forEach((field, value) -> {
            if (field.getJavaType() != FieldDescriptor.JavaType.MESSAGE) {
                return;
            }
            List<?> children = field.isRepeated() ? (List<?>) value : List.of(value);
            for (Object child : children) {
                assertNoUnknownFields((Message) child, where + "." + field.getName());
            }
        });
    }

    private static Path copyResource(String resource, Path target) throws IOException {
        try (InputStream in = GoProfileRoundTripTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            Files.copy(in, target);
        }
        return target;
    }

    private static String resourceText(String resource) throws IOException {
        try (InputStream in = GoProfileRoundTripTest.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
