/**
 * The developers' dashboard: server-rendered pages for what a developer does by hand (sign up, keys,
 * pauses and their timelines, webhooks and their delivery logs, the audit log, billing). It owns no data:
 * every page is built from the public API, called through the gateway with the developer's session, so
 * the dashboard can do nothing a client could not (docs/dashboard.md). {@code web} holds the browser
 * side (cookies, CSRF, headers, rendering), {@code api} the calls; one package per page family.
 */
package dev.pausepoint.dashboard;
