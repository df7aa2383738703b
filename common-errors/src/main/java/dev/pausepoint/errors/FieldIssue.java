package dev.pausepoint.errors;

/** One failing field of a {@code VALIDATION_ERROR}: its JSON name (or path) and what is wrong. */
public record FieldIssue(String field, String issue) {
}
