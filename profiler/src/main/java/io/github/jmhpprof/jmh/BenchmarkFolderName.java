package io.github.jmhpprof.jmh;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A folder name for a benchmark id ({@code BenchmarkParams.id()}: benchmark, mode, params) that
 * is safe on any file system: only letters, digits and {@code . _ - = ,}, never a dot first, and
 * at most {@value #MAX_LENGTH} characters. An id too long for that loses what tells benchmarks
 * apart least first: the package is cut to its initials ({@code o.e.q.QueueBenchmark.offer-...}),
 * then dropped; the @Param values are the last to be cut. Whenever the id had to change, a short
 * hash of the original id is appended, so that two ids that clean up to the same text still get
 * two folders.
 */
public final class BenchmarkFolderName {

    /** Well below the 255 bytes most file systems allow per name; JMH's own ids run to ~150. */
    static final int MAX_LENGTH = 160;

    private BenchmarkFolderName() {}

    public static String of(String benchmarkId) {
        String cleaned = clean(benchmarkId);
        if (cleaned.equals(benchmarkId) && cleaned.length() <= MAX_LENGTH && !cleaned.isEmpty()) {
            return cleaned;
        }
        String hash = "-" + shortHash(benchmarkId);
        int room = MAX_LENGTH - hash.length();
        String shorter = cleaned;
        if (shorter.length() > room) {
            shorter = withPackage(cleaned, Package.INITIALS);
        }
        if (shorter.length() > room) {
            shorter = withPackage(cleaned, Package.NONE);
        }
        return shorter.substring(0, Math.min(shorter.length(), room)) + hash;
    }

    private enum Package {
        INITIALS,
        NONE
    }

    /**
     * The id with its package shortened: the benchmark name is the part before the first
     * {@code -} ({@code pkg.Class.method}), and its package is every dot-separated part but the
     * last two.
     */
    private static String withPackage(String id, Package form) {
        int dash = id.indexOf('-');
        String name = dash < 0 ? id : id.substring(0, dash);
        String rest = dash < 0 ? "" : id.substring(dash);
        String[] parts = name.split("\\.", -1);
        if (parts.length <= 2) {
            return id;
        }
        StringBuilder shortened = new StringBuilder();
        for (int i = 0; i < parts.length - 2; i++) {
            if (form == Package.INITIALS && !parts[i].isEmpty()) {
                shortened.append(parts[i].charAt(0)).append('.');
            }
        }
        shortened.append(parts[parts.length - 2]).append('.').append(parts[parts.length - 1]);
        return shortened + rest;
    }

    private static String clean(String benchmarkId) {
        StringBuilder safe = new StringBuilder(benchmarkId.length());
        for (int i = 0; i < benchmarkId.length(); i++) {
            char c = benchmarkId.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || c == '.'
                    || c == '_'
                    || c == '-'
                    || c == '='
                    || c == ',';
            safe.append(allowed ? c : '_');
        }
        if (safe.length() > 0 && safe.charAt(0) == '.') {
            safe.setCharAt(0, '_');
        }
        return safe.toString();
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
