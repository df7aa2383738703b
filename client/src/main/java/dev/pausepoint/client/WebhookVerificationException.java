package dev.pausepoint.client;

/**
 * A webhook post that must not be trusted: its signature is missing or wrong, its timestamp is missing,
 * stale or does not match the signed body, or the signed body is not an event. Answer it with a 4xx and
 * do nothing else.
 */
public class WebhookVerificationException extends RuntimeException {

    public WebhookVerificationException(String message) {
        super(message);
    }
}
