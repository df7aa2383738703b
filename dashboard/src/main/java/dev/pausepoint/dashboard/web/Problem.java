package dev.pausepoint.dashboard.web;

/**
 * A page that explains why something could not be done and what to do next: a refused form, an API
 * error the developer cannot fix on the page they were on, a service that did not answer.
 *
 * @param back where the "go back" link leads
 */
public record Problem(Frame frame, String heading, String text, String back) {
}
