package io.github.jmhpprof.jmh;

/**
 * One profiler option: its name, the form of its value, what it does, and its default.
 *
 * @param name        key as typed in {@code -prof pprof:name=value}
 * @param form        the accepted form of the value, shown in help and in errors
 * @param description one line for the help text
 * @param defaultText the default as the user would type it
 */
record OptionSpec(String name, String form, String description, String defaultText) {
}
