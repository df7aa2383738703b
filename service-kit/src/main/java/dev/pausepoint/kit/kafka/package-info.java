/**
 * Listeners shared by every service: batches applied in one transaction, failures retried a bounded
 * number of times per record, then the dead-letter topic.
 */
package dev.pausepoint.kit.kafka;
