package io.github.jmhpprof.selfbench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A JDK that runs benchmarks: its java binary and what it says about itself. */
record Jdk(Path java, int feature, String description) {

    static Jdk probe(Path java) throws IOException, InterruptedException {
        if (!Files.isExecutable(java)) {
            throw new IllegalArgumentException("no java at " + java);
        }
        Process p = new ProcessBuilder(java.toString(), "-XshowSettings:properties", "-version")
                .redirectErrorStream(true)
                .start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        Map<String, String> props = new HashMap<>();
        for (String line : text.split("\n")) {
            int eq = line.indexOf(" = ");
            if (eq > 0) {
                props.put(line.substring(0, eq).trim(), line.substring(eq + 3).trim());
            }
        }
        String spec = props.get("java.specification.version");
        if (spec == null) {
            throw new IllegalStateException(java + " -XshowSettings:properties printed no java.specification.version");
        }
        return new Jdk(
                java,
                Integer.parseInt(spec),
                props.getOrDefault("java.vm.name", "?") + " " + props.getOrDefault("java.runtime.version", "?"));
    }

    String label() {
        return "JDK " + feature;
    }
}
