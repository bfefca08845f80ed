package io.github.jmhpprof.pprof;

import io.github.jmhpprof.model.Frame;
import io.github.jmhpprof.model.Labels;
import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.model.Stack;
import io.github.jmhpprof.model.ValueType;
import io.github.jmhpprof.proto.Function;
import io.github.jmhpprof.proto.Label;
import io.github.jmhpprof.proto.Line;
import io.github.jmhpprof.proto.Location;
import io.github.jmhpprof.proto.Profile;
import io.github.jmhpprof.proto.Sample;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a pprof message that {@link PprofEncoder} wrote back into a {@link ProfileData}, so the
 * host can merge the profiles of several forks or benchmarks and summarise them.
 */
public final class PprofDecoder {

    private final Profile in;
    private final Map<Long, Function> functions = new HashMap<>();
    private final Map<Long, Location> locations = new HashMap<>();
    private final Map<Long, String> nativeLibraries = new HashMap<>();

    private PprofDecoder(Profile in) {
        this.in = in;
        in.getFunctionList().forEach(f -> functions.put(f.getId(), f));
        in.getLocationList().forEach(l -> locations.put(l.getId(), l));
        // Mapping 1 is Java's; the others are native libraries, named by their file name.
        in.getMappingList().stream()
                .filter(m -> m.getId() != 1)
                .forEach(m -> nativeLibraries.put(m.getId(), str(m.getFilename())));
    }

    public static ProfileData decode(Profile profile) {
        return new PprofDecoder(profile).decode();
    }

    private ProfileData decode() {
        List<ValueType> types = new ArrayList<>();
        in.getSampleTypeList().forEach(t -> types.add(valueType(t)));
        String defaultType = in.getDefaultSampleType() == 0 ? null : str(in.getDefaultSampleType());
        ProfileData data = new ProfileData(types, valueType(in.getPeriodType()), in.getPeriod(), defaultType);
        data.setTime(in.getTimeNanos(), in.getDurationNanos());
        in.getCommentList().forEach(c -> data.addComment(str(c)));
        for (Sample sample : in.getSampleList()) {
            List<Frame> frames = new ArrayList<>();
            for (long id : sample.getLocationIdList()) {
                Location location = locations.get(id);
                List<Line> lines = location.getLineList();
                String library = nativeLibraries.get(location.getMappingId());
                for (int i = 0; i < lines.size(); i++) {
                    frames.add(
                            library != null
                                    ? Frame.nativeCode(
                                            library,
                                            str(functions
                                                    .get(lines.get(i).getFunctionId())
                                                    .getName()))
                                    : frame(lines.get(i), i < lines.size() - 1));
                }
            }
            TreeMap<String, String> labels = new TreeMap<>();
            for (Label label : sample.getLabelList()) {
                labels.put(str(label.getKey()), str(label.getStr()));
            }
            long[] values =
                    sample.getValueList().stream().mapToLong(Long::longValue).toArray();
            data.add(new Stack(frames), new Labels(labels), values);
        }
        return data;
    }

    private Frame frame(Line line, boolean inlined) {
        Function f = functions.get(line.getFunctionId());
        String name = str(f.getName());
        String fileName = str(f.getFilename());
        if (fileName.isEmpty() && name.startsWith("[")) {
            return Frame.synthetic(name);
        }
        // The system name is pkg.Class.method(descriptor); the name may carry parameter types (FunctionNames).
        String systemName = str(f.getSystemName());
        int paren = systemName.indexOf('(');
        String qualified = paren > 0 ? systemName.substring(0, paren) : name;
        String descriptor = paren > 0 ? systemName.substring(paren) : "";
        int dot = qualified.lastIndexOf('.');
        return new Frame(
                qualified.substring(0, Math.max(dot, 0)),
                qualified.substring(dot + 1),
                descriptor,
                (int) line.getLine(),
                inlined);
    }

    private ValueType valueType(io.github.jmhpprof.proto.ValueType t) {
        return new ValueType(str(t.getType()), str(t.getUnit()));
    }

    private String str(long index) {
        return in.getStringTable((int) index);
    }
}
