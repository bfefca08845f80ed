package io.github.jmhpprof.jmh;

import io.github.jmhpprof.files.AtomicFiles;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Writes a record of records, longs, doubles and strings as a properties file, one key per leaf
 * ({@code work.operations=1000}), and reads it back: a new component is written and read without
 * a line here. For files one version of this profiler writes and reads (fork to host), so a key
 * it does not find reads as 0 or empty.
 */
final class RecordCodec {

    private RecordCodec() {}

    static void write(Record value, Path file, String title) throws IOException {
        Properties p = new Properties();
        put(p, "", value);
        AtomicFiles.write(file, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            p.store(w, title);
            w.flush();
        });
    }

    static <R extends Record> R read(Path file, Class<R> type) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        return get(p, "", type);
    }

    private static void put(Properties p, String prefix, Record value) {
        for (RecordComponent c : value.getClass().getRecordComponents()) {
            Object v = invoke(c, value);
            String key = prefix + c.getName();
            if (v instanceof Record nested) {
                put(p, key + ".", nested);
            } else {
                p.setProperty(key, String.valueOf(v));
            }
        }
    }

    private static <R extends Record> R get(Properties p, String prefix, Class<R> type) {
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values[i] = value(p, prefix + components[i].getName(), types[i]);
        }
        try {
            Constructor<R> canonical = type.getDeclaredConstructor(types);
            return canonical.newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot make a " + type.getSimpleName() + ": " + e, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static Object value(Properties p, String key, Class<?> type) {
        if (type.isRecord()) {
            return get(p, key + ".", (Class<? extends Record>) type);
        }
        String text = p.getProperty(key);
        if (type == long.class) {
            return text == null ? 0L : Long.parseLong(text);
        }
        if (type == double.class) {
            return text == null ? 0.0 : Double.parseDouble(text);
        }
        if (type == String.class) {
            return text == null ? "" : text;
        }
        throw new IllegalArgumentException(key + " is a " + type.getName() + ", which this codec does not write");
    }

    private static Object invoke(RecordComponent c, Record value) {
        try {
            return c.getAccessor().invoke(value);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + c.getName() + ": " + e, e);
        }
    }
}
