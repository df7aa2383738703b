package dev.pausepoint.client;

/**
 * 410 {@code TOKEN_USED}: a response link already answered, with the answer that was recorded in
 * {@link #choice()} (also for every response that lost a race); or a reset link already used.
 */
public class TokenUsedException extends PausePointException {

    public TokenUsedException(ApiError error) {
        super(error);
    }

    /** The recorded answer; null for a reset link. */
    public String choice() {
        return envelope().path("choice").asString(null);
    }
}
