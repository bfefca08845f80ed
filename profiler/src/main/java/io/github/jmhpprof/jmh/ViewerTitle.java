package io.github.jmhpprof.jmh;

import io.github.jmhpprof.model.ProfileData;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * What pprof's web UI shows as its title, and {@code -top} as its first line. pprof takes the
 * title from a legend line {@code File: ...}: the main mapping's file name if it has one, else
 * the first comment that starts so. The mapping stays unnamed, because pprof matches
 * {@code -focus}, {@code -hide} and {@code -show_from} against its name too, and any name would
 * make such a regex match every frame; a comment is matched by nothing.
 */
final class ViewerTitle {

    private static final String PREFIX = "File: ";

    private ViewerTitle() {}

    /** {@code BubbleSortBenchmark.bubbleSort (n=1000)}: the benchmark without its package, and its parameters. */
    static String of(BenchmarkParams benchmark) {
        String name = benchmark.getBenchmark();
        int method = name.lastIndexOf('.');
        int simpleClass = name.lastIndexOf('.', method - 1);
        String shortName = name.substring(simpleClass + 1);
        return benchmark.getParamsKeys().isEmpty()
                ? shortName
                : shortName + " (" + BenchmarkLabels.paramsText(benchmark) + ")";
    }

    /** Puts the title first among the profile's comments, replacing an earlier one. */
    static void set(ProfileData profile, String title) {
        List<String> comments = new ArrayList<>();
        comments.add(PREFIX + title);
        profile.comments().stream().filter(c -> !c.startsWith(PREFIX)).forEach(comments::add);
        profile.replaceComments(comments);
    }
}
