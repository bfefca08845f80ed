package io.github.jmhpprof.selfbench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the profiler's text result says about one benchmark: its folder, its samples, and the time from
 * the end of the last measurement iteration to the files being written.
 */
record PprofSummary(String folder, long cpuSamples, long lostCpuSamples, long allocSamples, long writtenMillis) {

    private static final Pattern FILE =
            Pattern.compile("^\\s+\\S*?pprof/([^/\\s]+)/(cpu|alloc)\\.pb\\.gz: (\\d+) samples(?: \\(\\+(\\d+) lost)?");
    private static final Pattern WRITTEN = Pattern.compile("^\\s+written in (\\d+) ms after the last iteration");

    /** Summaries by folder name, in the order JMH printed them. */
    static Map<String, PprofSummary> parse(String output) {
        Map<String, PprofSummary> summaries = new LinkedHashMap<>();
        String folder = null;
        long cpu = 0;
        long lost = 0;
        long alloc = 0;
        for (String line : output.split("\n")) {
            if (line.startsWith("Secondary result ") || line.startsWith("Result ")) {
                folder = null;
                cpu = lost = alloc = 0;
                continue;
            }
            Matcher m = FILE.matcher(line);
            if (m.find()) {
                folder = m.group(1);
                if (m.group(2).equals("cpu")) {
                    cpu = Long.parseLong(m.group(3));
                    lost = m.group(4) == null ? 0 : Long.parseLong(m.group(4));
                } else {
                    alloc = Long.parseLong(m.group(3));
                }
                summaries.put(folder, new PprofSummary(folder, cpu, lost, alloc, -1));
                continue;
            }
            Matcher w = WRITTEN.matcher(line);
            if (w.find() && folder != null) {
                summaries.put(folder, new PprofSummary(folder, cpu, lost, alloc, Long.parseLong(w.group(1))));
            }
        }
        return summaries;
    }

    long samples() {
        return cpuSamples + lostCpuSamples + allocSamples;
    }
}
