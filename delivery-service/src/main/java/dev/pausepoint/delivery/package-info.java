/**
 * delivery-service: Notifications to humans (SMS, email, Slack) and developers' webhooks, with their attempts. Consumes
 * pause events; publishes delivery and webhook events.
 */
package dev.pausepoint.delivery;
