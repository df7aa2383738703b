/**
 * The audit log: fed by pause, account and webhook events, append-only in the database, and read
 * through {@code GET /v1/audit} per developer and world.
 */
package dev.pausepoint.pause.audit;
