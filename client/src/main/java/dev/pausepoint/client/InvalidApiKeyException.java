package dev.pausepoint.client;

/**
 * 401 {@code INVALID_API_KEY}: {@code Authorization} missing or malformed; a key or session unknown, rotated
 * away or expired; a session on a path that needs an API key.
 */
public class InvalidApiKeyException extends PausePointException {

    public InvalidApiKeyException(ApiError error) {
        super(error);
    }
}
