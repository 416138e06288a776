package io.celerity.bench;

/** Percentiles over a set of durations. */
record Stats(double p50, double p95, double p99) {
}
