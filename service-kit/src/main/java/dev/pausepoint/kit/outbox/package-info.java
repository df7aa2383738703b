/**
 * No dual writes: {@link dev.pausepoint.kit.outbox.Outbox} records an event in the transaction of its
 * change, {@link dev.pausepoint.kit.outbox.OutboxRelay} publishes it after commit and survives restarts
 * and broker outages, and {@link dev.pausepoint.kit.outbox.ProcessedEvents} makes consumers act once.
 */
package dev.pausepoint.kit.outbox;
