package io.github.jmhpprof.jmh;

import io.github.jmhpprof.compare.BenchmarkScores;
import io.github.jmhpprof.files.AtomicFiles;
import io.github.jmhpprof.files.FileNames;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Properties;

/**
 * JMH's primary score of each measurement iteration of one fork, as {@code afterIteration} saw it,
 * handed to the host in {@code fork-<n>/iterations.properties}; the host folds the forks into the
 * benchmark's {@code scores.properties} ({@link io.github.jmhpprof.compare.BenchmarkScores}).
 */
final class IterationScores {

    private double[] scores = new double[0];
    private String unit = "";

    void add(double score, String scoreUnit) {
        scores = Arrays.copyOf(scores, scores.length + 1);
        scores[scores.length - 1] = score;
        unit = scoreUnit;
    }

    double[] scores() {
        return scores.clone();
    }

    String unit() {
        return unit;
    }

    void write(Path forkDir) throws IOException {
        Properties p = new Properties();
        p.setProperty("unit", unit);
        p.setProperty("scores", BenchmarkScores.scoresText(scores));
        AtomicFiles.write(forkDir.resolve(FileNames.ITERATION_SCORES), out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            p.store(w, "jmh-pprof: JMH's score of each measurement iteration of this fork");
            w.flush();
        });
    }

    /** The fork's scores, or none when the fork wrote no file (a fork of an older version, or one that failed to write). */
    static IterationScores read(Path forkDir) throws IOException {
        IterationScores read = new IterationScores();
        Path file = forkDir.resolve(FileNames.ITERATION_SCORES);
        if (!Files.isRegularFile(file)) {
            return read;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        read.unit = p.getProperty("unit", "");
        read.scores = BenchmarkScores.parseScores(p.getProperty("scores", ""));
        return read;
    }
}
