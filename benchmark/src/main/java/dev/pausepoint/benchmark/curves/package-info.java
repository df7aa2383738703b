/**
 * The cost curves (docs/benchmark/cost-curves.md): how the cost of the stack's work grows as its data and
 * load grow, measured by {@code ./run-benchmark --curves} on the benchmark's own stack instead of the
 * usual phases. Each {@link dev.pausepoint.benchmark.curves.CostCurve} varies one size (pauses stored,
 * pauses expiring together, parked long-polls, a webhook backlog, pause-service instances) and returns a
 * {@link dev.pausepoint.benchmark.curves.Curve}: its series, the shape performance.md expects of them and
 * whether they have it ({@link dev.pausepoint.benchmark.curves.Shape}). {@link
 * dev.pausepoint.benchmark.curves.CostCurves} runs them, prints each as a table and writes the markdown
 * report with a chart per curve ({@link dev.pausepoint.benchmark.curves.Chart}).
 */
package dev.pausepoint.benchmark.curves;
