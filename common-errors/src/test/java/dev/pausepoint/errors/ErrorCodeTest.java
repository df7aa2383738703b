package dev.pausepoint.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ErrorCodeTest {

    /**
     * The contract's error table (docs/api-reference.md, "Errors"): the endpoints' codes, plus the seven
     * framework statuses the project names itself and KEY_MODE_NOT_ALLOWED (also in the Errors table of
     * docs/api-decisions.md).
     */
    private static final Map<String, Integer> CONTRACT = new TreeMap<>(Map.ofEntries(
            Map.entry("INVALID_CHANNEL", 400), Map.entry("INVALID_OPTIONS", 400), Map.entry("INVALID_CHOICE", 400),
            Map.entry("INVALID_TOKEN", 400), Map.entry("INVALID_API_KEY", 401), Map.entry("INVALID_CREDENTIALS", 401),
            Map.entry("PLAN_LIMIT_REACHED", 402), Map.entry("CHANNEL_NOT_ALLOWED", 403),
            Map.entry("KEY_MODE_NOT_ALLOWED", 403),
            Map.entry("PAUSE_NOT_FOUND", 404), Map.entry("WEBHOOK_NOT_FOUND", 404), Map.entry("NOT_FOUND", 404),
            Map.entry("METHOD_NOT_ALLOWED", 405), Map.entry("NOT_ACCEPTABLE", 406), Map.entry("REQUEST_TIMEOUT", 408),
            Map.entry("ALREADY_RESPONDED", 409), Map.entry("ALREADY_CANCELLED", 409),
            Map.entry("ALREADY_TIMED_OUT", 409), Map.entry("EMAIL_TAKEN", 409),
            Map.entry("IDEMPOTENCY_CONFLICT", 409), Map.entry("TOKEN_EXPIRED", 410), Map.entry("TOKEN_USED", 410),
            Map.entry("PAYLOAD_TOO_LARGE", 413), Map.entry("URI_TOO_LONG", 414),
            Map.entry("UNSUPPORTED_MEDIA_TYPE", 415), Map.entry("REQUEST_HEADERS_TOO_LARGE", 431),
            Map.entry("VALIDATION_ERROR", 422), Map.entry("RATE_LIMITED", 429),
            Map.entry("BILLING_NOT_CONFIGURED", 503), Map.entry("SERVICE_UNAVAILABLE", 503),
            Map.entry("INTERNAL_ERROR", 500)));

    @Test
    void catalogueIsExactlyTheContract() {
        Map<String, Integer> catalogue = Arrays.stream(ErrorCode.values())
                .collect(Collectors.toMap(ErrorCode::name, ErrorCode::status, (a, b) -> a, TreeMap::new));
        assertThat(catalogue).isEqualTo(CONTRACT);
    }

    @ParameterizedTest
    @CsvSource({"400, VALIDATION_ERROR", "404, NOT_FOUND", "405, METHOD_NOT_ALLOWED", "406, NOT_ACCEPTABLE",
            "408, REQUEST_TIMEOUT",
            "409, VALIDATION_ERROR", "413, PAYLOAD_TOO_LARGE", "414, URI_TOO_LONG", "415, UNSUPPORTED_MEDIA_TYPE", "429, RATE_LIMITED",
            "431, REQUEST_HEADERS_TOO_LARGE",
            "500, INTERNAL_ERROR", "501, INTERNAL_ERROR", "502, SERVICE_UNAVAILABLE", "503, SERVICE_UNAVAILABLE",
            "504, SERVICE_UNAVAILABLE"})
    void frameworkStatusesMapToAGenericCode(int status, ErrorCode expected) {
        assertThat(ErrorCode.forStatus(status)).isEqualTo(expected);
    }
}
