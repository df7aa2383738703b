/**
 * Requests to URLs developers give us (webhooks, Slack recipients): https only, every resolved address
 * public, the connection pinned to the checked addresses, no redirects, bounded bodies.
 */
package dev.pausepoint.delivery.outbound;
