/**
 * Paying through Paddle Billing: checkout links for a plan, the signed subscription webhook, the
 * developer's plan derived from their subscriptions, and the end of paid time after a cancellation.
 */
package dev.pausepoint.billing.subscription;
