package dev.pausepoint.errors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The one error body of api.md. Wire names are explicit so the envelope does not depend on how a
 * service configures its JSON mapper; {@code detail} appears only for {@code VALIDATION_ERROR}.
 */
@JsonPropertyOrder({"error", "message", "status_code", "detail"})
public record ErrorBody(
        @JsonProperty("error") String error,
        @JsonProperty("message") String message,
        @JsonProperty("status_code") int statusCode,
        @JsonProperty("detail") @JsonInclude(JsonInclude.Include.NON_NULL) List<FieldIssue> detail) {

    public static ErrorBody of(ErrorCode code, String message) {
        return new ErrorBody(code.name(), message, code.status(), null);
    }

    public static ErrorBody validation(String message, List<FieldIssue> detail) {
        return new ErrorBody(ErrorCode.VALIDATION_ERROR.name(), message, ErrorCode.VALIDATION_ERROR.status(),
                List.copyOf(detail));
    }
}
