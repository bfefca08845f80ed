package io.github.jmhpprof.jmh;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A folder name for a benchmark id ({@code BenchmarkParams.id()}: benchmark, mode, params) that
 * is safe on any file system: only letters, digits and {@code . _ - = ,}, never a dot first, and
 * at most 120 characters. Whenever the id had to change, a short hash of the original id is
 * appended, so that two ids that clean up to the same text still get two folders.
 */
public final class BenchmarkFolderName {

    private static final int MAX_LENGTH = 120;

    private BenchmarkFolderName() {
    }

    public static String of(String benchmarkId) {
        StringBuilder safe = new StringBuilder(benchmarkId.length());
        for (int i = 0; i < benchmarkId.length(); i++) {
            char c = benchmarkId.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == '-' || c == '=' || c == ',';
            safe.append(allowed ? c : '_');
        }
        if (safe.length() > 0 && safe.charAt(0) == '.') {
            safe.setCharAt(0, '_');
        }
        String cleaned = safe.toString();
        if (cleaned.equals(benchmarkId) && cleaned.length() <= MAX_LENGTH && !cleaned.isEmpty()) {
            return cleaned;
        }
        String hash = "-" + shortHash(benchmarkId);
        return cleaned.substring(0, Math.min(cleaned.length(), MAX_LENGTH - hash.length())) + hash;
    }

    private static String shortHash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 5);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
