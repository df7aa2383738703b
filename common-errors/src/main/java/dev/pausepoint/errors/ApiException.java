package dev.pausepoint.errors;

import java.util.Map;
import java.util.Objects;

/**
 * The root of every deliberate rejection. Subclasses name the situation and build their own message,
 * for example {@code new PauseNotFoundException(pauseId)}; the handlers turn any of them into the
 * envelope with the status of its {@link ErrorCode}.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;

    public ApiException(ErrorCode code, String message) {
        this(code, message, null);
    }

    public ApiException(ErrorCode code, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause, false, false);
        this.code = Objects.requireNonNull(code, "code");
    }

    public ErrorCode code() {
        return code;
    }

    /** Extra response headers this rejection needs, such as {@code Retry-After} on a 429. */
    public Map<String, String> responseHeaders() {
        return Map.of();
    }

    public ErrorBody toBody() {
        return ErrorBody.of(code, getMessage());
    }
}
