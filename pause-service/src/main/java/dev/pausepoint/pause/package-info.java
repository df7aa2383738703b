/**
 * pause-service: Pauses and their state machine, idempotency keys, the timeout sweeper and the audit log. The
 * only writer of a pause's status; publishes pause events and consumes delivery, account and webhook
 * events.
 */
package dev.pausepoint.pause;
