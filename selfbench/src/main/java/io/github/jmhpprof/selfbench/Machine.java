package io.github.jmhpprof.selfbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The machine: CPUs, memory, load. */
record Machine(int cpus, String cpuModel, String memory, String kernel) {

    static Machine probe() {
        String model = linesOf("/proc/cpuinfo").stream()
                .filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim())
                .findFirst()
                .orElse("unknown CPU model");
        String memory = linesOf("/proc/meminfo").stream()
                .filter(l -> l.startsWith("MemTotal:"))
                .map(l -> String.format(
                        Locale.ROOT, "%.1f GiB", Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
                .findFirst()
                .orElse("unknown memory");
        String kernel = linesOf("/proc/sys/kernel/osrelease").stream()
                .findFirst()
                .map(k -> "Linux " + k)
                .orElse(System.getProperty("os.name"));
        return new Machine(Runtime.getRuntime().availableProcessors(), model, memory, kernel);
    }

    /** The 1-minute load average, or "?" where /proc/loadavg is missing. */
    static String loadAverage() {
        return linesOf("/proc/loadavg").stream()
                .findFirst()
                .map(l -> l.split(" ")[0])
                .orElse("?");
    }

    private static List<String> linesOf(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException e) {
            return List.of();
        }
    }
}
