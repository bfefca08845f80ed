package io.github.jmhpprof.selfbench;

import java.nio.file.Path;
import java.util.Map;

/** One JMH invocation: a configuration, its round, and its results by benchmark key. */
record Run(Config config, int round, Path dir, long wallMillis, String loadAverage, Map<String, BenchResult> results) {}
