package dev.pausepoint.client;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** 422 {@code VALIDATION_ERROR}: every failing field of the request at once, in {@link #details()}. */
public class ValidationException extends PausePointException {

    /** One failing field (or query parameter or header) and what is wrong with it. */
    public record FieldIssue(String field, String issue) {
    }

    public ValidationException(ApiError error) {
        super(error);
    }

    /** The envelope's {@code detail} list, in its order; empty when the server sent none. */
    public List<FieldIssue> details() {
        List<FieldIssue> issues = new ArrayList<>();
        for (JsonNode item : envelope().path("detail")) {
            issues.add(new FieldIssue(item.path("field").asString(null), item.path("issue").asString(null)));
        }
        return List.copyOf(issues);
    }
}
