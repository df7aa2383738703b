package dev.pausepoint.dashboard.web;

/** A dashboard address that names nothing: an unknown world, or a resource the API does not show us. */
public class PageNotFound extends RuntimeException {

    public PageNotFound() {
        super(null, null, false, false);
    }
}
