/**
 * A world's pauses, filtered and paged, and one pause with its timeline ({@code Timeline}) and Cancel.
 */
package dev.pausepoint.dashboard.pauses;
