package dev.pausepoint.errors;

/**
 * Every error code of the public contract (docs/api-reference.md, "Errors") with its HTTP status. The HTTP
 * status of a response and the {@code status_code} in its body always come from here, so they cannot
 * disagree.
 *
 * <p>The envelope is required for 405, 406, 413 and 415 too; their codes are this project's names, and so
 * are 408, 414 and 431, which only the gateway answers (a request body slower than it waits for, a
 * request line or header block longer than it reads), and {@link #KEY_MODE_NOT_ALLOWED}. docs/api-decisions.md,
 * "Errors", says when each of these is used.
 */
public enum ErrorCode {

    INVALID_CHANNEL(400),
    INVALID_OPTIONS(400),
    INVALID_CHOICE(400),
    INVALID_TOKEN(400),
    INVALID_API_KEY(401),
    INVALID_CREDENTIALS(401),
    PLAN_LIMIT_REACHED(402),
    CHANNEL_NOT_ALLOWED(403),
    /** A valid API key asked for what its mode may not do: rotate the other mode's key, or pay with a test key. */
    KEY_MODE_NOT_ALLOWED(403),
    PAUSE_NOT_FOUND(404),
    WEBHOOK_NOT_FOUND(404),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    REQUEST_TIMEOUT(408),
    ALREADY_RESPONDED(409),
    ALREADY_CANCELLED(409),
    ALREADY_TIMED_OUT(409),
    EMAIL_TAKEN(409),
    IDEMPOTENCY_CONFLICT(409),
    TOKEN_EXPIRED(410),
    TOKEN_USED(410),
    PAYLOAD_TOO_LARGE(413),
    URI_TOO_LONG(414),
    UNSUPPORTED_MEDIA_TYPE(415),
    VALIDATION_ERROR(422),
    RATE_LIMITED(429),
    REQUEST_HEADERS_TOO_LARGE(431),
    INTERNAL_ERROR(500),
    BILLING_NOT_CONFIGURED(503),
    SERVICE_UNAVAILABLE(503);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    public int status() {
        return status;
    }

    /**
     * The generic code for a status that a framework raised without one of ours: any other client
     * error is a schema problem (422), any other server error a bug (500).
     */
    public static ErrorCode forStatus(int status) {
        return switch (status) {
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 408 -> REQUEST_TIMEOUT;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> RATE_LIMITED;
            case 431 -> REQUEST_HEADERS_TOO_LARGE;
            case 502, 503, 504 -> SERVICE_UNAVAILABLE;
            default -> status >= 400 && status < 500 ? VALIDATION_ERROR : INTERNAL_ERROR;
        };
    }
}
