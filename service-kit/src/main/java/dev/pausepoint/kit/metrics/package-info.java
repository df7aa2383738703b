/**
 * What the services' gauges share: a reading taken at most once per interval, however often Prometheus
 * scrapes, that never throws into the scrape. The meters themselves live next to their features
 * ({@code OutboxMetrics}, {@code ConsumerLagMetrics}, ...); docs/observability.md lists them all.
 */
package dev.pausepoint.kit.metrics;
