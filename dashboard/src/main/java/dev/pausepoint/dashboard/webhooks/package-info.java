/**
 * A world's webhook endpoints: adding one (its secret shown once), its delivery log, a test event, deletion.
 */
package dev.pausepoint.dashboard.webhooks;
