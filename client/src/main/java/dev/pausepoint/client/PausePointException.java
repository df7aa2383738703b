package dev.pausepoint.client;

import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * An answer outside 2xx. Each documented error code has its own subclass (such as
 * {@link PauseNotFoundException} for {@code PAUSE_NOT_FOUND}); a code this client version does not know is
 * this class itself, so new server codes never break a caller that catches the base class.
 * {@link PausePointConnectionException} is the one subclass that is no answer at all.
 */
public class PausePointException extends RuntimeException {

    private final transient ApiError error;

    public PausePointException(ApiError error) {
        super(error.message() == null ? error.status() + " " + error.code() : error.message());
        this.error = error;
    }

    PausePointException(ApiError error, Throwable cause) {
        super(error.message(), cause);
        this.error = error;
    }

    /** The HTTP status; 0 for {@link PausePointConnectionException}. */
    public int status() {
        return error.status();
    }

    /** The envelope's {@code error} code, such as {@code PAUSE_NOT_FOUND}. */
    public String code() {
        return error.code();
    }

    /** The whole error body as parsed ({@code error}, {@code message}, {@code status_code} and any extras). */
    public JsonNode envelope() {
        return error.envelope();
    }

    /** The answer's {@code X-Request-Id}, to quote when reporting a problem; null when there was none. */
    public String requestId() {
        return error.requestId();
    }

    /** The answer's {@code Retry-After}, on 429 and some 503 answers. */
    public Optional<Duration> retryAfter() {
        return error.retryAfterHeader();
    }

    /** Everything the answer said. */
    public ApiError error() {
        return error;
    }
}
