package dev.pausepoint.client;

/** 409 {@code IDEMPOTENCY_CONFLICT}: an {@code Idempotency-Key} reused within 24 h with a different body. */
public class IdempotencyConflictException extends PausePointException {

    public IdempotencyConflictException(ApiError error) {
        super(error);
    }
}
