/** Idempotency-Key: one key and body, one pause, for 24 hours. */
package dev.pausepoint.pause.idempotency;
