/**
 * Developers' webhooks (docs/api-reference.md, "Webhooks"): endpoints and their API, the dispatch of pause
 * outcomes into persisted deliveries, and the worker that signs and posts them on the retry schedule
 * through the SSRF-guarded client.
 */
package dev.pausepoint.delivery.webhook;
