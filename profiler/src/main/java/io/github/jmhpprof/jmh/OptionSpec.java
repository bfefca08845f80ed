package io.github.jmhpprof.jmh;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One profiler option, everything about it in one place: its name, the form of its value, what it
 * does, its default as the user would type it, and the converter that reads a value. The default
 * goes through the same converter as a given value, so the two cannot disagree.
 *
 * @param name        key as typed in {@code -prof pprof:name=value}
 * @param form        the accepted form of the value, shown in help and in errors
 * @param description one line for the help text
 * @param defaultText the default as the user would type it, or null when the option is off unless given
 * @param converter   reads a value, or fails naming the option, the value and the accepted form
 */
record OptionSpec<T>(String name, String form, String description, String defaultText, Converter<T> converter) {

    /** Reads one option's value. */
    @FunctionalInterface
    interface Converter<T> {
        T convert(String option, String value) throws OptionSyntaxException;
    }

    /** An option whose value is one of an enum's names: the form, the error and the default come from the enum. */
    static <E extends Enum<E>> OptionSpec<E> oneOf(
            String name, E[] choices, Function<E, String> optionName, String description, E defaultChoice) {
        String form = Arrays.stream(choices).map(optionName).collect(Collectors.joining("|"));
        String listed = Arrays.stream(choices).map(optionName).collect(Collectors.joining(", "));
        return new OptionSpec<>(name, form, description, optionName.apply(defaultChoice), (option, value) -> {
            for (E choice : choices) {
                if (optionName.apply(choice).equals(value)) {
                    return choice;
                }
            }
            throw bad(option, value, "one of " + listed);
        });
    }

    /** The value given in {@code values}, else the default's; null when neither is there. */
    T read(Map<String, String> values) throws OptionSyntaxException {
        String value = values.getOrDefault(name, defaultText);
        return value == null ? null : converter.convert(name, value);
    }

    /** The default as the help text shows it. */
    String shownDefault() {
        return defaultText == null ? "none" : defaultText;
    }

    static OptionSyntaxException bad(String option, String value, String expected) {
        return new OptionSyntaxException(
                "pprof: option '" + option + "' has a bad value '" + value + "'; expected " + expected);
    }
}
