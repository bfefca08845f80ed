package io.github.jmhpprof.jmh;

/** A profiler option that cannot be used; the message names the option, the value and the accepted form. */
public final class OptionSyntaxException extends Exception {

    public OptionSyntaxException(String message) {
        super(message);
    }
}
