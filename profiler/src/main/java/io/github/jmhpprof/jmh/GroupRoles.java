package io.github.jmhpprof.jmh;

import io.github.jmhpprof.model.Frame;
import io.github.jmhpprof.model.ProfileData;
import io.github.jmhpprof.model.Sample;
import io.github.jmhpprof.model.Stack;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * In an {@code @Group} benchmark each worker thread runs one of the group's methods (its role),
 * and JMH does not say which thread got which. The stacks do: JMH's generated code calls each
 * method through a stub named {@code <method>_<mode>_jmhStub}. Every sample of a thread that ran
 * a method gets a {@value #LABEL} label with it, so {@code -tagfocus=role=put} shows one role.
 */
final class GroupRoles {

    static final String LABEL = "role";

    private final List<String> methods;
    private final Map<String, String> roleByThread = new HashMap<>();

    private GroupRoles(List<String> methods) {
        this.methods = methods;
    }

    /** Roles for this benchmark; one that is not a group of several methods gets none. */
    static GroupRoles of(BenchmarkParams benchmark) {
        List<String> methods = List.copyOf(benchmark.getThreadGroupLabels());
        return new GroupRoles(methods.size() > 1 ? methods : List.of());
    }

    /** Learns the roles the profile's stacks show, and returns the profile with each known thread's role as a label. */
    ProfileData label(ProfileData profile) {
        if (methods.isEmpty()) {
            return profile;
        }
        for (Sample sample : profile.samples()) {
            String thread = sample.labels().get("thread");
            String role = role(sample.stack());
            if (thread != null && role != null) {
                roleByThread.putIfAbsent(thread, role);
            }
        }
        ProfileData labelled = new ProfileData(
                profile.sampleTypes(), profile.periodType(), profile.period(), profile.defaultSampleType());
        for (Sample sample : profile.samples()) {
            String role = roleByThread.get(sample.labels().get("thread"));
            labelled.add(
                    sample.stack(),
                    role == null ? sample.labels() : sample.labels().with(LABEL, role),
                    sample.values());
        }
        profile.comments().forEach(labelled::addComment);
        labelled.setTime(profile.timeNanos(), profile.durationNanos());
        return labelled;
    }

    /** The group method whose JMH stub is on the stack, or null. */
    private String role(Stack stack) {
        for (Frame frame : stack.frames()) {
            String name = frame.methodName();
            if (name == null || !name.endsWith("_jmhStub")) {
                continue;
            }
            for (String method : methods) {
                if (name.startsWith(method + "_")
                        && name.indexOf('_', method.length() + 1) == name.length() - "_jmhStub".length()) {
                    return method;
                }
            }
        }
        return null;
    }
}
