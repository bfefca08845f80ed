package io.github.jmhpprof.jmh;

import static io.github.jmhpprof.jmh.OptionSpec.bad;

import io.github.jmhpprof.model.ProfileKind;
import io.github.jmhpprof.recording.jfr.JfrDurations;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The converters of {@link ProfilerOptions#SPECS}: each reads one form of value, or fails naming the option, the value and the form. */
final class OptionValues {

    private static final Pattern RATE = Pattern.compile("(\\d{1,9})(/s)?");

    private OptionValues() {}

    static Path path(String option, String value) throws OptionSyntaxException {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw bad(option, value, "a file system path (" + e.getReason() + ")");
        }
    }

    static Set<ProfileKind> events(String option, String value) throws OptionSyntaxException {
        Set<ProfileKind> events = EnumSet.noneOf(ProfileKind.class);
        String known = ProfileKind.optionNames();
        // -1 keeps empty entries: "events=," would otherwise split into nothing and write no profile.
        for (String name : value.split(",", -1)) {
            ProfileKind kind = ProfileKind.byOptionName(name.strip()).orElse(null);
            if (kind == null) {
                throw bad(option, value, "a comma list of " + known + ", none empty");
            }
            events.add(kind);
        }
        return events;
    }

    static Duration interval(String option, String value) throws OptionSyntaxException {
        String form = "a duration of at least 1ms with unit ns, us, ms or s, e.g. 10ms";
        Duration d = JfrDurations.parse(value).orElseThrow(() -> bad(option, value, form));
        if (d.compareTo(Duration.ofMillis(1)) < 0 || d.compareTo(Duration.ofSeconds(10)) > 0) {
            throw bad(option, value, form + " (JFR samples at most every 1ms) and at most 10s");
        }
        return d;
    }

    static Duration threshold(String option, String value) throws OptionSyntaxException {
        Duration d =
                value.equals("0") ? Duration.ZERO : JfrDurations.parse(value).orElse(null);
        if (d == null || d.compareTo(Duration.ofSeconds(10)) > 0) {
            throw bad(option, value, "0 (every wait) or a duration up to 10s with unit ns, us, ms or s, e.g. 10us");
        }
        return d;
    }

    /** A whole number of {@code what} from {@code min} to {@code max}. */
    static OptionSpec.Converter<Integer> wholeNumber(String what, int min, int max) {
        return (option, value) -> {
            String form = "a whole number of " + what + " from " + min + " to " + max;
            try {
                int n = Integer.parseInt(value);
                if (n >= min && n <= max) {
                    return n;
                }
            } catch (NumberFormatException e) {
                // the same message as out of range
            }
            throw bad(option, value, form);
        };
    }

    static int rate(String option, String value) throws OptionSyntaxException {
        Matcher m = RATE.matcher(value);
        if (!m.matches() || Integer.parseInt(m.group(1)) < 1) {
            throw bad(option, value, "a positive rate per second, e.g. 1000/s");
        }
        return Integer.parseInt(m.group(1));
    }

    /** A yes-or-no option whose two values are the words {@code no} and {@code yes}. */
    static OptionSpec.Converter<Boolean> either(String no, String yes, String form) {
        return (option, value) -> {
            if (value.equals(no) || value.equals(yes)) {
                return value.equals(yes);
            }
            throw bad(option, value, form);
        };
    }
}
