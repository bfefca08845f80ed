package io.github.jmhpprof.jmh;

import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/** A benchmark's notes (the summary's {@code note:} line, the report's note column, a fork report's note): one text, {@code ; } between. */
final class Notes {

    private Notes() {}

    /** The non-empty notes in order, joined. */
    static String join(String... notes) {
        return join(Arrays.asList(notes));
    }

    static String join(Collection<String> notes) {
        return notes.stream().filter(n -> !n.isEmpty()).collect(Collectors.joining("; "));
    }
}
