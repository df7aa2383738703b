/**
 * The plan, the subscription and the upgrade through Paddle's checkout.
 */
package dev.pausepoint.dashboard.billing;
