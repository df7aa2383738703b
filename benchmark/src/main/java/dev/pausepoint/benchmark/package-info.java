/**
 * The benchmark (docs/benchmark.md): {@link dev.pausepoint.benchmark.Benchmark} starts the
 * {@link dev.pausepoint.benchmark.Stack} and runs one {@link dev.pausepoint.benchmark.Phase} class per
 * measurement in order; the shared pieces are the load generator ({@link dev.pausepoint.benchmark.Load}
 * over one {@link dev.pausepoint.benchmark.Client}), the stand-in for Twilio and the webhook receiver
 * ({@link dev.pausepoint.benchmark.Outside}, with {@link dev.pausepoint.benchmark.Arrivals} timing what
 * reaches it), the benchmark's {@link dev.pausepoint.benchmark.Developer}, and the
 * {@link dev.pausepoint.benchmark.Report} printed at the end.
 */
package dev.pausepoint.benchmark;
