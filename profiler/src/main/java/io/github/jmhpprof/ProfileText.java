package io.github.jmhpprof;

import io.github.jmhpprof.model.Frame;
import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.model.Sample;
import io.github.jmhpprof.model.ValueType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code ?debug=1} text form of a profile, after Go's: a total, then one entry per stack,
 * largest first, as {@code <values> @ <labels>} and a {@code #} line per frame, leaf first.
 */
final class ProfileText {

    private ProfileText() {}

    static String of(String name, ProfileData profile) {
        List<ValueType> types = profile.sampleTypes();
        int main = types.size() - 1;
        StringBuilder text = new StringBuilder();
        text.append(name)
                .append(" profile: total ")
                .append(profile.total(main))
                .append(' ')
                .append(types.get(main).type())
                .append(" (")
                .append(types.get(main).unit())
                .append(")\n");
        text.append("values: ")
                .append(types.stream().map(t -> t.type() + "/" + t.unit()).collect(Collectors.joining(" ")))
                .append('\n');
        for (String comment : profile.comments()) {
            text.append("# ").append(comment).append('\n');
        }
        List<Sample> samples = new ArrayList<>(profile.samples());
        samples.sort(Comparator.comparingLong((Sample s) -> s.values()[main])
                .reversed()
                .thenComparing(s -> s.stack().toString()));
        for (Sample sample : samples) {
            text.append('\n');
            for (long v : sample.values()) {
                text.append(v).append(' ');
            }
            text.append('@');
            for (Map.Entry<String, String> label : sample.labels().values().entrySet()) {
                text.append(' ').append(label.getKey()).append('=').append(label.getValue());
            }
            text.append('\n');
            for (Frame frame : sample.stack().frames()) {
                text.append("#\t").append(frame.functionName());
                if (!frame.isSynthetic()) {
                    text.append('\t').append(frame.sourcePath()).append(':').append(frame.line());
                }
                text.append('\n');
            }
        }
        return text.toString();
    }
}
