/**
 * Persisted due work (notifications, webhook deliveries): the loop that claims and starts it, the
 * per-key in-flight counts that keep claims fair across developers, and retry schedules with jitter.
 */
package dev.pausepoint.delivery.schedule;
