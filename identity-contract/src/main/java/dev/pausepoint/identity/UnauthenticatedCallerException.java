package dev.pausepoint.identity;

/**
 * An endpoint that needs a developer was called without a credential ({@link CallerIdentity#requireAuthenticated}).
 * The kit answers it as the API's 401 for a missing or invalid API key; the contract only says what happened.
 */
public class UnauthenticatedCallerException extends RuntimeException {

    public UnauthenticatedCallerException() {
        super("the caller presented no credential", null, false, false);
    }
}
