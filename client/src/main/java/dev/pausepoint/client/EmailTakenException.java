package dev.pausepoint.client;

/** 409 {@code EMAIL_TAKEN}: register with an email that already has an account (case-insensitive). */
public class EmailTakenException extends PausePointException {

    public EmailTakenException(ApiError error) {
        super(error);
    }
}
