package io.github.jmhpprof.pprof;

import io.github.jmhpprof.model.Frame;
import io.github.jmhpprof.model.FunctionNames;
import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.model.Sample;
import io.github.jmhpprof.model.ValueType;
import io.github.jmhpprof.proto.Function;
import io.github.jmhpprof.proto.Label;
import io.github.jmhpprof.proto.Line;
import io.github.jmhpprof.proto.Location;
import io.github.jmhpprof.proto.Mapping;
import io.github.jmhpprof.proto.Profile;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a {@link ProfileData} into pprof's protobuf message: the string table (with "" at 0),
 * and functions and locations deduplicated by content, with ids = table size + 1, as Go's
 * runtime/pprof does. Frames the JIT inlined share one Location with their caller, callee first,
 * so pprof prints them as {@code (inline)}.
 */
public final class PprofEncoder {

    private static final long MAPPING_ID = 1;

    private final Profile.Builder out = Profile.newBuilder();
    private final Map<String, Long> strings = new HashMap<>();
    private final Map<FunctionKey, Long> functions = new HashMap<>();
    private final Map<LocationKey, Long> locations = new HashMap<>();
    /** Mappings of native code by library, after the Java mapping (id 1). */
    private final Map<String, Long> libraries = new HashMap<>();

    private FunctionNames names;

    private record FunctionKey(String name, String systemName, String fileName) {}

    private record LineKey(long functionId, long line) {}

    private record LocationKey(long mappingId, List<LineKey> lines) {}

    private PprofEncoder() {
        stringIndex("");
    }

    public static Profile encode(ProfileData data) {
        return new PprofEncoder().build(data);
    }

    private Profile build(ProfileData data) {
        names = FunctionNames.of(data);
        for (ValueType type : data.sampleTypes()) {
            out.addSampleType(valueType(type));
        }
        out.setPeriodType(valueType(data.periodType()));
        out.setPeriod(data.period());
        out.setTimeNanos(data.timeNanos());
        out.setDurationNanos(data.durationNanos());
        if (data.defaultSampleType() != null) {
            out.setDefaultSampleType(stringIndex(data.defaultSampleType()));
        }
        // The mapping's file name stays empty: pprof matches -focus, -ignore, -hide and -show_from
        // against it too, so any name would make such a regex match every frame. The flags say
        // the profile is symbolized, so pprof neither warns nor looks for a binary.
        out.addMapping(Mapping.newBuilder()
                .setId(MAPPING_ID)
                .setHasFunctions(true)
                .setHasFilenames(true)
                .setHasLineNumbers(true));
        for (Sample sample : data.samples()) {
            out.addSample(sample(sample));
        }
        for (String comment : data.comments()) {
            out.addComment(stringIndex(comment));
        }
        return out.build();
    }

    private io.github.jmhpprof.proto.Sample sample(Sample sample) {
        io.github.jmhpprof.proto.Sample.Builder b = io.github.jmhpprof.proto.Sample.newBuilder();
        List<Frame> frames = sample.stack().frames();
        List<Frame> inlineGroup = new ArrayList<>();
        for (Frame frame : frames) {
            inlineGroup.add(frame);
            if (!frame.inlined()) {
                b.addLocationId(locationId(inlineGroup));
                inlineGroup.clear();
            }
        }
        if (!inlineGroup.isEmpty()) { // an inlined root frame has no caller to fold into
            b.addLocationId(locationId(inlineGroup));
        }
        for (long value : sample.values()) {
            b.addValue(value);
        }
        sample.labels()
                .values()
                .forEach((key, value) ->
                        b.addLabel(Label.newBuilder().setKey(stringIndex(key)).setStr(stringIndex(value))));
        return b.build();
    }

    /** One Location for a physical frame and the frames inlined into it, callee first. */
    private long locationId(List<Frame> calleeFirst) {
        List<LineKey> lines = new ArrayList<>(calleeFirst.size());
        for (Frame frame : calleeFirst) {
            lines.add(new LineKey(functionId(frame), frame.line()));
        }
        // The physical frame, the last of the group, is the code that ran: Java or a library's.
        long mappingId = mappingId(calleeFirst.get(calleeFirst.size() - 1));
        LocationKey key = new LocationKey(mappingId, lines);
        Long id = locations.get(key);
        if (id != null) {
            return id;
        }
        long newId = locations.size() + 1;
        Location.Builder location = Location.newBuilder().setId(newId).setMappingId(mappingId);
        for (LineKey line : lines) {
            location.addLine(Line.newBuilder().setFunctionId(line.functionId()).setLine(line.line()));
        }
        out.addLocation(location);
        locations.put(key, newId);
        return newId;
    }

    /**
     * Java frames share mapping 1; native code gets one mapping per library, named after it, so
     * that {@code -show_from}, {@code -hide} or {@code -focus} on a library name pick its frames.
     */
    private long mappingId(Frame physical) {
        if (!physical.isNative()) {
            return MAPPING_ID;
        }
        Long id = libraries.get(physical.library());
        if (id != null) {
            return id;
        }
        long newId = MAPPING_ID + libraries.size() + 1;
        out.addMapping(Mapping.newBuilder()
                .setId(newId)
                .setFilename(stringIndex(physical.library()))
                .setHasFunctions(true));
        libraries.put(physical.library(), newId);
        return newId;
    }

    private long functionId(Frame frame) {
        FunctionKey key = new FunctionKey(names.of(frame), frame.systemName(), frame.sourcePath());
        Long id = functions.get(key);
        if (id != null) {
            return id;
        }
        long newId = functions.size() + 1;
        out.addFunction(Function.newBuilder()
                .setId(newId)
                .setName(stringIndex(key.name()))
                .setSystemName(stringIndex(key.systemName()))
                .setFilename(stringIndex(key.fileName())));
        functions.put(key, newId);
        return newId;
    }

    private io.github.jmhpprof.proto.ValueType valueType(ValueType type) {
        return io.github.jmhpprof.proto.ValueType.newBuilder()
                .setType(stringIndex(type.type()))
                .setUnit(stringIndex(type.unit()))
                .build();
    }

    private long stringIndex(String s) {
        Long index = strings.get(s);
        if (index != null) {
            return index;
        }
        long newIndex = strings.size();
        strings.put(s, newIndex);
        out.addStringTable(s);
        return newIndex;
    }
}
