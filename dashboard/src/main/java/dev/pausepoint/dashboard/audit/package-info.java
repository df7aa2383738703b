/**
 * The audit log of a world, filtered and paged, and its export streamed from the API.
 */
package dev.pausepoint.dashboard.audit;
