/**
 * Notifications to humans: recorded from pause.created, sent by a worker with a persisted retry
 * schedule, and moved to delivered or failed by provider status callbacks.
 */
package dev.pausepoint.delivery.notification;
