package dev.pausepoint.kit.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pausepoint.errors.FieldIssue;
import dev.pausepoint.errors.ValidationException;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/** What the services' request-record tests share: a body read from JSON text, and the issues of its 422. */
public final class JsonBodyIssues {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private JsonBodyIssues() {
    }

    /** {@code json} read as a {@code type}, as a controller reads it. */
    public static <T extends Record> T read(String json, Class<T> type) {
        return JsonBodies.read(JSON.readTree(json), type);
    }

    /** The issues of the one 422 that reading {@code json} as a {@code type} answers; fails on any other outcome. */
    public static List<FieldIssue> issues(String json, Class<? extends Record> type) {
        ValidationException refused = catchThrowableOfType(ValidationException.class, () -> read(json, type));
        assertThat(refused).as("a 422 for %s", json).isNotNull();
        return refused.issues();
    }
}
