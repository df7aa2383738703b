package dev.pausepoint.errors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The one error body (docs/api-reference.md, "Errors"). Wire names are explicit so the envelope does not
 * depend on how a service configures its JSON mapper. Two fields appear only where the contract adds them:
 * {@code detail} for {@code VALIDATION_ERROR}, and {@code choice} (the recorded answer) for {@code
 * TOKEN_USED}.
 */
@JsonPropertyOrder({"error", "message", "status_code", "detail", "choice"})
public record ErrorBody(
        @JsonProperty("error") String error,
        @JsonProperty("message") String message,
        @JsonProperty("status_code") int statusCode,
        @JsonProperty("detail") @JsonInclude(JsonInclude.Include.NON_NULL) List<FieldIssue> detail,
        @JsonProperty("choice") @JsonInclude(JsonInclude.Include.NON_NULL) String choice) {

    public static ErrorBody of(ErrorCode code, String message) {
        return new ErrorBody(code.name(), message, code.status(), null, null);
    }

    /** {@code TOKEN_USED} tells the human (or the page) which answer was recorded. */
    public static ErrorBody tokenUsed(String message, String choice) {
        return new ErrorBody(ErrorCode.TOKEN_USED.name(), message, ErrorCode.TOKEN_USED.status(), null, choice);
    }

    public static ErrorBody validation(String message, List<FieldIssue> detail) {
        return new ErrorBody(ErrorCode.VALIDATION_ERROR.name(), message, ErrorCode.VALIDATION_ERROR.status(),
                List.copyOf(detail), null);
    }
}
