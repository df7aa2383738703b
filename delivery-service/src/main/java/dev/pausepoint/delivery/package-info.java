/**
 * delivery-service: Notifications to humans (SMS, email, Slack) and developers' webhooks, with their attempts. Consumes
 * pause events; publishes delivery and webhook events. Each feature package wires itself (its {@code *Configuration}
 * and the {@code *Properties} it reads, all under {@code pausepoint.delivery}); nothing is configured at this root.
 */
package dev.pausepoint.delivery;
