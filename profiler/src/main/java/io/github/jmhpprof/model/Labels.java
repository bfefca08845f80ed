package io.github.jmhpprof.model;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** String labels of a sample, sorted by key so that equal label sets compare equal. */
public record Labels(SortedMap<String, String> values) {

    public static final Labels NONE = new Labels(new TreeMap<>());

    public Labels {
        values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
    }

    public static Labels of(Map<String, String> values) {
        return new Labels(new TreeMap<>(values));
    }

    /** These labels plus one more (replacing an existing key). */
    public Labels with(String key, String value) {
        TreeMap<String, String> copy = new TreeMap<>(values);
        copy.put(key, value);
        return new Labels(copy);
    }

    public String get(String key) {
        return values.get(key);
    }
}
