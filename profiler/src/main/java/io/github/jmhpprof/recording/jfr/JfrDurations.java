package io.github.jmhpprof.recording.jfr;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as JFR writes its settings, {@code 20 ms}, {@code 10ms}, {@code 1 s}: read from other
 * recordings' settings, and the form the profiler's duration options take, since they go to JFR.
 */
public final class JfrDurations {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ns|us|ms|s|m|h|d)");

    private JfrDurations() {}

    /** {@code <number><unit>}, with or without a space; empty when the text is not of that form or too large. */
    public static Optional<Duration> parse(String text) {
        Matcher m = DURATION.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        ChronoUnit unit = switch (m.group(2)) {
            case "ns" -> ChronoUnit.NANOS;
            case "us" -> ChronoUnit.MICROS;
            case "ms" -> ChronoUnit.MILLIS;
            case "s" -> ChronoUnit.SECONDS;
            case "m" -> ChronoUnit.MINUTES;
            case "h" -> ChronoUnit.HOURS;
            default -> ChronoUnit.DAYS;
        };
        try {
            return Optional.of(Duration.of(Long.parseLong(m.group(1)), unit));
        } catch (NumberFormatException | ArithmeticException tooLarge) {
            return Optional.empty();
        }
    }
}
