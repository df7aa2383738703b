/**
 * The Java client of the PausePoint API: {@link dev.pausepoint.client.PausePointClient} with a typed method
 * per endpoint, records for the API's objects, one {@link dev.pausepoint.client.PausePointException}
 * subclass per error code, and {@link dev.pausepoint.client.WebhookVerifier} for the webhook posts. Plain
 * Java (the JDK's HTTP client and Jackson), so it fits any application; {@code docs/clients/java.md} is
 * its guide.
 */
package dev.pausepoint.client;
