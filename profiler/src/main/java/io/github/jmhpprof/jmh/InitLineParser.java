package io.github.jmhpprof.jmh;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Splits JMH's profiler option string ({@code key=value;key=value}) into a map, rejecting
 * unknown keys, repeated keys and text that is not {@code key=value}. JMH's own helper for this
 * is package-private.
 */
final class InitLineParser {

    private InitLineParser() {}

    static Map<String, String> parse(String initLine, List<OptionSpec<?>> specs) throws OptionSyntaxException {
        Map<String, String> values = new LinkedHashMap<>();
        if (initLine == null || initLine.isBlank()) {
            return values;
        }
        for (String part : initLine.split(";")) {
            String item = part.strip();
            if (item.isEmpty()) {
                continue;
            }
            int eq = item.indexOf('=');
            if (eq <= 0) {
                throw new OptionSyntaxException(
                        "pprof: cannot read '" + item + "': options are key=value pairs separated by ';', "
                                + "e.g. -prof pprof:dir=out;events=cpu,alloc (see -prof pprof:help)");
            }
            String key = item.substring(0, eq).strip();
            String value = item.substring(eq + 1).strip();
            if (specs.stream().noneMatch(s -> s.name().equals(key))) {
                throw new OptionSyntaxException("pprof: unknown option '" + key + "'; known options: "
                        + specs.stream().map(OptionSpec::name).collect(Collectors.joining(", "))
                        + " (see -prof pprof:help)");
            }
            if (value.isEmpty()) {
                throw new OptionSyntaxException(
                        "pprof: option '" + key + "' has no value; expected " + formOf(key, specs));
            }
            if (values.put(key, value) != null) {
                throw new OptionSyntaxException("pprof: option '" + key + "' is given twice; give it once");
            }
        }
        return values;
    }

    static String formOf(String key, List<OptionSpec<?>> specs) {
        return specs.stream()
                .filter(s -> s.name().equals(key))
                .findFirst()
                .map(OptionSpec::form)
                .orElse("?");
    }

    static String help(List<OptionSpec<?>> specs) {
        StringBuilder text = new StringBuilder("Usage: -prof pprof[:key=value;key=value...]\n\nOptions:\n");
        int width = specs.stream()
                        .mapToInt(s -> s.name().length() + s.form().length() + 1)
                        .max()
                        .orElse(10)
                + 2;
        for (OptionSpec<?> spec : specs) {
            text.append(String.format(
                    "  %-" + width + "s %s (default: %s)%n",
                    spec.name() + "=" + spec.form(),
                    spec.description(),
                    spec.shownDefault()));
        }
        return text.toString();
    }
}
