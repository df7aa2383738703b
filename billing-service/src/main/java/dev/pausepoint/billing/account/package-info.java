/** Developer accounts: registration, login, and the account view of {@code /v1/auth/me}. */
package dev.pausepoint.billing.account;
