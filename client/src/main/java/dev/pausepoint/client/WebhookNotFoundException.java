package dev.pausepoint.client;

/** 404 {@code WEBHOOK_NOT_FOUND}: webhook id unknown, another developer's, or of the other world. */
public class WebhookNotFoundException extends PausePointException {

    public WebhookNotFoundException(ApiError error) {
        super(error);
    }
}
