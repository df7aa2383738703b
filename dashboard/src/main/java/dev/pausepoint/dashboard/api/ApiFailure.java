package dev.pausepoint.dashboard.api;

import java.util.List;

/**
 * An answer of the API that is not a success, as its error envelope said it (docs/api-reference.md,
 * "Errors"), or a call that got no answer (then {@code SERVICE_UNAVAILABLE}, as the gateway would say).
 *
 * @param retryAfterSeconds the {@code Retry-After} of a 429 or 503, else 0
 */
public class ApiFailure extends RuntimeException {

    /** One entry of a {@code VALIDATION_ERROR}'s {@code detail}. */
    public record Issue(String field, String issue) {
    }

    private final int status;
    private final String code;
    private final List<Issue> issues;
    private final long retryAfterSeconds;

    public ApiFailure(int status, String code, String message, List<Issue> issues, long retryAfterSeconds) {
        super(message);
        this.status = status;
        this.code = code;
        this.issues = List.copyOf(issues);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public List<Issue> issues() {
        return issues;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public boolean is(String errorCode) {
        return code.equals(errorCode);
    }

    /** The API's message, with when to try again if it said so: what a page shows a person. */
    public String explained() {
        return retryAfterSeconds > 0 ? getMessage() + " Try again in " + retryAfterSeconds + " s." : getMessage();
    }

    /** The issue the API found with {@code field}, if any. */
    public String issueWith(String field) {
        return issues.stream().filter(issue -> issue.field().equals(field)).map(Issue::issue).findFirst().orElse(null);
    }
}
