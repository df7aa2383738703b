/** Retry schedules with jitter, for notifications and webhooks alike. */
package dev.pausepoint.delivery.schedule;
