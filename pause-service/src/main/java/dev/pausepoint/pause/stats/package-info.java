/**
 * Figures about a developer's pauses for the dashboard: {@code GET /v1/stats/pauses}, the pauses each UTC
 * day created and how many of them are now in each status. Reads through {@code lifecycle}, which owns
 * the pauses.
 */
package dev.pausepoint.pause.stats;
