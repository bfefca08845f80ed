package io.github.jmhpprof.report;

import java.util.Locale;

/** Formats values the way {@code go tool pprof} labels them: 1.03s, 170ms, 524.39kB, 4.03GB. */
public final class Quantity {

    private static final String[] BYTE_UNITS = {"B", "kB", "MB", "GB", "TB", "PB"};

    private Quantity() {}

    public static String format(double value, String unit) {
        return switch (unit) {
            case "bytes" -> bytes(value);
            case "nanoseconds" -> nanos(value);
            default -> trim(String.format(Locale.ROOT, "%.2f", value));
        };
    }

    static String bytes(double value) {
        int unit = 0;
        double v = value;
        while (Math.abs(v) >= 1024 && unit < BYTE_UNITS.length - 1) {
            v /= 1024;
            unit++;
        }
        return trim(String.format(Locale.ROOT, "%.2f", v)) + BYTE_UNITS[unit];
    }

    static String nanos(double value) {
        double abs = Math.abs(value);
        if (abs >= 1e9) {
            return trim(String.format(Locale.ROOT, "%.2f", value / 1e9)) + "s";
        }
        if (abs >= 1e6) {
            return trim(String.format(Locale.ROOT, "%.2f", value / 1e6)) + "ms";
        }
        if (abs >= 1e3) {
            return trim(String.format(Locale.ROOT, "%.2f", value / 1e3)) + "us";
        }
        return trim(String.format(Locale.ROOT, "%.2f", value)) + "ns";
    }

    private static String trim(String number) {
        if (!number.contains(".")) {
            return number;
        }
        String t = number.replaceAll("0+$", "");
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }
}
