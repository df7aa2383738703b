/**
 * billing-service: Developers, their password and API-key hashes, sessions, plans, monthly usage and Paddle
 * subscriptions. Publishes account events through the outbox.
 */
package dev.pausepoint.billing;
