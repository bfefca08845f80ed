package io.github.jmhpprof.model;

/** One aggregated sample: a stack, its labels, and one value per sample type. */
public record Sample(Stack stack, Labels labels, long[] values) {}
