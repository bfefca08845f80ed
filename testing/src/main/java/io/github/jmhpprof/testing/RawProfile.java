package io.github.jmhpprof.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What {@code go tool pprof -raw} printed, read back: comments, sample types, and every sample
 * with its values, location ids and string labels, plus the frames (lines) of each location.
 * Tests reach conclusions from pprof's own reading of a file, not from ours.
 */
public final class RawProfile {

    /** One sample line and the label line under it. */
    public record Sample(long[] values, List<Long> locationIds, Map<String, String> labels) {}

    /**
     * One line of a location: the function, its file and line, and its system name (pprof prints
     * it only where it differs from the name; then it is the JVM's signature, e.g. {@code sort([I)V}).
     */
    public record Frame(String function, String file, long line, String systemName) {

        /** {@code function:line}, a site that two profiles can be compared by. */
        public String site() {
            return function + ":" + line;
        }
    }

    private static final Pattern SAMPLE = Pattern.compile("^\\s*([-\\d\\s]+?):((?:\\s+\\d+)*)\\s*$");
    /** {@code key:[value]}; a value may hold brackets itself ({@code object:[byte[]]}), so it ends before the next key or the line's end. */
    private static final Pattern LABEL = Pattern.compile("(\\S+?):\\[(.*?)](?=\\s+\\S+?:\\[|\\s*$)");
    /**
     * {@code 12: 0x0 M=1 <function> <file>:<line> s=0(<system name>)}; a function name may hold spaces
     * ({@code [byte[]: allocation site not sampled] :0 s=0}), so it ends before the file and line.
     */
    private static final Pattern LOCATION = Pattern.compile("^\\s*(\\d+): 0x[0-9a-f]+ M=\\d+ (.*)$");
    /** One line of a location; a further line is a frame inlined into the location. */
    private static final Pattern FRAME = Pattern.compile("^\\s*(.+?) (\\S*):(-?\\d+) s=\\d+(?:\\((.*)\\))?\\s*$");

    private final List<String> comments = new ArrayList<>();
    private final List<String> sampleTypes = new ArrayList<>();
    private final List<Sample> samples = new ArrayList<>();
    private final Map<Long, List<Frame>> framesByLocation = new HashMap<>();

    private RawProfile() {}

    /** Runs {@code go tool pprof -raw} on a file, with nothing allowed on stderr, and reads the output. */
    public static RawProfile of(java.nio.file.Path file) {
        return parse(GoPprof.run(List.of("-raw"), file).assertNoStderr());
    }

    public static RawProfile parse(String raw) {
        RawProfile p = new RawProfile();
        String section = "header";
        long currentLocation = -1;
        for (String line : raw.split("\n")) {
            if (line.startsWith("Comment: ")) {
                p.comments.add(line.substring("Comment: ".length()));
                continue;
            }
            if (line.equals("Samples:")) {
                section = "types";
                continue;
            }
            if (line.equals("Locations")) {
                section = "locations";
                continue;
            }
            if (line.equals("Mappings")) {
                section = "mappings";
                continue;
            }
            switch (section) {
                case "types" -> {
                    for (String type : line.trim().split("\\s+")) {
                        p.sampleTypes.add(type.replace("[dflt]", ""));
                    }
                    section = "samples";
                }
                case "samples" -> {
                    Matcher m = SAMPLE.matcher(line);
                    if (m.matches()) {
                        String[] values = m.group(1).trim().split("\\s+");
                        long[] v = new long[values.length];
                        for (int i = 0; i < values.length; i++) {
                            v[i] = Long.parseLong(values[i]);
                        }
                        List<Long> ids = new ArrayList<>();
                        for (String id : m.group(2).trim().split("\\s+")) {
                            if (!id.isEmpty()) {
                                ids.add(Long.parseLong(id));
                            }
                        }
                        p.samples.add(new Sample(v, ids, new LinkedHashMap<>()));
                    } else if (!p.samples.isEmpty() && !line.isBlank()) {
                        Matcher l = LABEL.matcher(line);
                        while (l.find()) {
                            p.samples.get(p.samples.size() - 1).labels().put(l.group(1), l.group(2));
                        }
                    }
                }
                case "locations" -> {
                    Matcher m = LOCATION.matcher(line);
                    if (m.find()) {
                        currentLocation = Long.parseLong(m.group(1));
                        p.framesByLocation
                                .computeIfAbsent(currentLocation, k -> new ArrayList<>())
                                .add(frame(m.group(2)));
                    } else if (currentLocation >= 0 && !line.isBlank()) {
                        p.framesByLocation.get(currentLocation).add(frame(line));
                    }
                }
                default -> {}
            }
        }
        return p;
    }

    private static Frame frame(String text) {
        Matcher f = FRAME.matcher(text);
        if (!f.matches()) {
            String function = text.trim().split("\\s+")[0];
            return new Frame(function, "", 0, function);
        }
        return new Frame(
                f.group(1), f.group(2), Long.parseLong(f.group(3)), f.group(4) != null ? f.group(4) : f.group(1));
    }

    public List<String> comments() {
        return comments;
    }

    /** The value of a {@code key: value} comment, or null. */
    public String comment(String key) {
        for (String c : comments) {
            if (c.startsWith(key + ": ")) {
                return c.substring(key.length() + 2);
            }
        }
        return null;
    }

    /** Types as pprof prints them, e.g. {@code alloc_space/bytes}. */
    public List<String> sampleTypes() {
        return sampleTypes;
    }

    public List<Sample> samples() {
        return samples;
    }

    public int indexOf(String type) {
        for (int i = 0; i < sampleTypes.size(); i++) {
            if (sampleTypes.get(i).startsWith(type + "/")) {
                return i;
            }
        }
        throw new AssertionError("no sample type " + type + " in " + sampleTypes);
    }

    public long total(String type) {
        int index = indexOf(type);
        return samples.stream().mapToLong(s -> s.values()[index]).sum();
    }

    /** The innermost function of a sample: the first line of its first location. */
    public String leafFunction(Sample sample) {
        return framesByLocation.get(sample.locationIds().get(0)).get(0).function();
    }

    /** The innermost frame of a sample, where pprof puts its flat cost; empty for a sample without locations. */
    public Optional<Frame> leafFrame(Sample sample) {
        if (sample.locationIds().isEmpty()) {
            return Optional.empty();
        }
        return framesByLocation.getOrDefault(sample.locationIds().get(0), List.of()).stream()
                .findFirst();
    }

    /** All functions of a sample, leaf first, inlined frames included. */
    public List<String> functions(Sample sample) {
        List<String> names = new ArrayList<>();
        for (long id : sample.locationIds()) {
            for (Frame frame : framesByLocation.get(id)) {
                names.add(frame.function());
            }
        }
        return names;
    }

    /**
     * The values of {@code type} per method of class {@code owner}, each sample counted for the
     * innermost of {@code methods} in its stack (a ground-truth benchmark's sites); 0 for a method
     * no sample passes through.
     */
    public Map<String, Long> byMethod(String type, String owner, Iterable<String> methods) {
        int index = indexOf(type);
        Map<String, Long> values = new LinkedHashMap<>();
        for (String method : methods) {
            values.put(method, 0L);
        }
        for (Sample sample : samples) {
            for (String function : functions(sample)) {
                String method = function.startsWith(owner + ".") ? function.substring(owner.length() + 1) : null;
                if (method != null && values.containsKey(method)) {
                    values.merge(method, sample.values()[index], Long::sum);
                    break;
                }
            }
        }
        return values;
    }

    /** Locations with more than one line, i.e. with inlined frames. */
    public long inlinedLocationCount() {
        return framesByLocation.values().stream().filter(f -> f.size() > 1).count();
    }
}
