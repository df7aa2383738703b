package dev.pausepoint.client;

/** 503 {@code BILLING_NOT_CONFIGURED}: a billing call on an instance without Paddle credentials. */
public class BillingNotConfiguredException extends PausePointException {

    public BillingNotConfiguredException(ApiError error) {
        super(error);
    }
}
