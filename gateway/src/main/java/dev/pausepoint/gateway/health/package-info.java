/** The system-wide {@code /health}: every service's readiness, gathered in parallel. */
package dev.pausepoint.gateway.health;
