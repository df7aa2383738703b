package dev.pausepoint.client;

/**
 * 403 {@code KEY_MODE_NOT_ALLOWED}: an API key asks for what its mode may not do: rotate the other mode's key,
 * check out with a test key, or act in the other world ({@code PausePoint-Mode}); or for what only a session may
 * do: log out.
 */
public class KeyModeNotAllowedException extends PausePointException {

    public KeyModeNotAllowedException(ApiError error) {
        super(error);
    }
}
