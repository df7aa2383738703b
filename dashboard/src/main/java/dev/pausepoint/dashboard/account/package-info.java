/**
 * Signing up, in and out, the forgotten password, and the account calls other pages read ({@code AccountApi}: the account view and key rotation).
 */
package dev.pausepoint.dashboard.account;
