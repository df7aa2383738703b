package dev.pausepoint.dashboard.web;

/** A page that needs a session was asked for without one (or with one the API no longer knows). */
public class SignInRequired extends RuntimeException {

    public SignInRequired() {
        super(null, null, false, false);
    }
}
