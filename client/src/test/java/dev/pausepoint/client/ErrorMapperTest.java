package dev.pausepoint.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ErrorMapperTest {

    private static PausePointException map(int status, String body) {
        return ErrorMapper.toException(status, body.getBytes(StandardCharsets.UTF_8), "req-1", null);
    }

    @Test
    void everyErrorCodeOfTheApiReferenceHasItsOwnException() throws Exception {
        String reference = Files.readString(Path.of("..", "docs", "api-reference.md"));
        Matcher row = Pattern.compile("^\\| (\\d{3}) \\| `([A-Z_]+)` \\|", Pattern.MULTILINE).matcher(reference);
        int codes = 0;
        while (row.find()) {
            codes++;
            int status = Integer.parseInt(row.group(1));
            String code = row.group(2);
            PausePointException mapped = map(status, "{\"error\":\"" + code + "\",\"message\":\"m\",\"status_code\":" + status + "}");
            assertThat(mapped.getClass()).as(code).isNotEqualTo(PausePointException.class);
            assertThat(mapped.code()).isEqualTo(code);
            assertThat(mapped.status()).isEqualTo(status);
        }
        assertThat(codes).as("error codes in the reference's table").isGreaterThanOrEqualTo(30);
    }

    @Test
    void theExceptionCarriesTheWholeEnvelopeTheRequestIdAndRetryAfter() {
        PausePointException limit = ErrorMapper.toException(402, """
                {"error": "PLAN_LIMIT_REACHED", "message": "Monthly pause limit of 50 reached.", "status_code": 402}"""
                .getBytes(StandardCharsets.UTF_8), "req-7", Duration.ofSeconds(3));

        assertThat(limit).isInstanceOf(PlanLimitReachedException.class).hasMessage("Monthly pause limit of 50 reached.");
        assertThat(limit.envelope().get("status_code").asInt()).isEqualTo(402);
        assertThat(limit.requestId()).isEqualTo("req-7");
        assertThat(limit.retryAfter()).contains(Duration.ofSeconds(3));
    }

    @Test
    void anUnknownCodeIsTheBaseClassWithItsCode() {
        PausePointException unknown = map(418, "{\"error\":\"TEAPOT\",\"message\":\"short and stout\"}");

        assertThat(unknown.getClass()).isEqualTo(PausePointException.class);
        assertThat(unknown.code()).isEqualTo("TEAPOT");
        assertThat(unknown.retryAfter()).isEmpty();
    }

    @Test
    void aBodyThatIsNoEnvelopeStillGivesTheStatus() {
        PausePointException html = map(502, "<html>Bad gateway</html>");

        assertThat(html.getClass()).isEqualTo(PausePointException.class);
        assertThat(html.status()).isEqualTo(502);
        assertThat(html.code()).isNull();
        assertThat(html.envelope().isMissingNode()).isTrue();
        assertThat(html).hasMessageContaining("502");
    }

    @Test
    void aValidationErrorListsEveryField() {
        ValidationException invalid = (ValidationException) map(422, """
                {"error": "VALIDATION_ERROR", "message": "Invalid request", "status_code": 422,
                 "detail": [{"field": "message", "issue": "must not be blank"},
                            {"field": "timeout_hours", "issue": "must be at least 1"}]}""");

        assertThat(invalid.details()).containsExactly(
                new ValidationException.FieldIssue("message", "must not be blank"),
                new ValidationException.FieldIssue("timeout_hours", "must be at least 1"));
    }

    @Test
    void aUsedTokenNamesTheRecordedChoice() {
        TokenUsedException used = (TokenUsedException) map(410,
                "{\"error\":\"TOKEN_USED\",\"message\":\"already answered\",\"status_code\":410,\"choice\":\"Deploy\"}");

        assertThat(used.choice()).isEqualTo("Deploy");
    }

    @Test
    void theThreeEndsOfAPauseShareOneConflictType() {
        for (String code : new String[] {"ALREADY_RESPONDED", "ALREADY_CANCELLED", "ALREADY_TIMED_OUT"}) {
            assertThat(map(409, "{\"error\":\"" + code + "\"}")).as(code).isInstanceOf(PauseNotPendingException.class);
        }
    }
}
