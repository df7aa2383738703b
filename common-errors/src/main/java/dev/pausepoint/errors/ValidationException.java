package dev.pausepoint.errors;

import java.util.List;

/** A {@code VALIDATION_ERROR} that lists every failing field at once. */
public class ValidationException extends ApiException {

    private final List<FieldIssue> issues;

    public ValidationException(List<FieldIssue> issues) {
        super(ErrorCode.VALIDATION_ERROR, summarize(issues));
        if (issues.isEmpty()) {
            throw new IllegalArgumentException("a validation error needs at least one field issue");
        }
        this.issues = List.copyOf(issues);
    }

    public ValidationException(String field, String issue) {
        this(List.of(new FieldIssue(field, issue)));
    }

    public List<FieldIssue> issues() {
        return issues;
    }

    @Override
    public ErrorBody toBody() {
        return ErrorBody.validation(getMessage(), issues);
    }

    /** One issue reads as a sentence; several point at the list. */
    public static String summarize(List<FieldIssue> issues) {
        if (issues.size() == 1) {
            FieldIssue only = issues.get(0);
            return only.field() + " " + only.issue() + ".";
        }
        return issues.size() + " fields are invalid; see detail.";
    }
}
