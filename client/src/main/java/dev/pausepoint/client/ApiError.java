package dev.pausepoint.client;

import java.time.Duration;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/**
 * What an error answer said: its HTTP status, the envelope's {@code error} code and {@code message}, the
 * whole envelope as parsed, the {@code X-Request-Id} and the {@code Retry-After} header.
 *
 * @param envelope the parsed body; a {@link MissingNode} when the body was not JSON
 * @param requestId null when the answer carried none
 * @param retryAfter null when the answer carried none
 */
public record ApiError(int status, String code, String message, JsonNode envelope, String requestId,
        Duration retryAfter) {

    public ApiError {
        envelope = envelope == null ? MissingNode.getInstance() : envelope;
    }

    /** A call that got no answer at all: no status (0), no envelope, no request id, no Retry-After. */
    static ApiError noAnswer(String code, String message) {
        return new ApiError(0, code, message, MissingNode.getInstance(), null, null);
    }

    Optional<Duration> retryAfterHeader() {
        return Optional.ofNullable(retryAfter);
    }
}
