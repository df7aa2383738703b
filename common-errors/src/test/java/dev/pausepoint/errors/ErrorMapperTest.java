package dev.pausepoint.errors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.errors.ErrorMapper.MappedError;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

class ErrorMapperTest {

    private final ErrorMapper mapper = new ErrorMapper();

    private MappedError map(Throwable failure) {
        return mapper.map(failure, "POST", "/v1/pause", "req_test");
    }

    @Test
    void apiExceptionKeepsCodeMessageAndHeaders() {
        var limited = new ApiException(ErrorCode.RATE_LIMITED, "Slow down.") {
            @Override
            public Map<String, String> responseHeaders() {
                return Map.of("Retry-After", "7");
            }
        };
        MappedError error = map(limited);
        assertThat(error.status()).isEqualTo(429);
        assertThat(error.body()).isEqualTo(new ErrorBody("RATE_LIMITED", "Slow down.", 429, null, null));
        assertThat(error.headers()).containsEntry("Retry-After", "7");
        assertThat(error.unexpected()).isFalse();
    }

    @Test
    void apiExceptionIsFoundBehindWrappers() {
        var wrapped = new RuntimeException("outer", new IllegalStateException("mid", new PayloadTooLargeException(DataSize.ofKilobytes(64))));
        assertThat(map(wrapped).body().error()).isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void validationExceptionListsEveryIssue() {
        var issues = List.of(new FieldIssue("message", "must not be blank"), new FieldIssue("options", "must have 2 to 5 items"));
        MappedError error = map(new ValidationException(issues));
        assertThat(error.status()).isEqualTo(422);
        assertThat(error.body().detail()).isEqualTo(issues);
        assertThat(error.body().message()).isEqualTo("2 fields are invalid; see detail.");
    }

    @Test
    void unknownFailureIsInternalErrorNamingOnlyTheRequestId() {
        MappedError error = map(new NullPointerException("Cannot invoke \"String.length()\" because secret is null"));
        assertThat(error.status()).isEqualTo(500);
        assertThat(error.unexpected()).isTrue();
        assertThat(error.body().message())
                .isEqualTo("An unexpected error occurred. Quote request id req_test when reporting it.");
    }

    @Test
    void refusedConnectionOrTimeoutIsServiceUnavailable() {
        assertThat(map(new RuntimeException(new ConnectException("refused"))).body().error()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(map(new TimeoutException("slow")).status()).isEqualTo(503);
    }

    @Test
    void theDatabaseGoingAwayUnderARequestIsServiceUnavailable() {
        assertThat(map(new RuntimeException("PreparedStatementCallback", new SQLException(
                "FATAL: terminating connection due to administrator command", "57P01"))).body().error())
                .as("Postgres shutting down").isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(map(new RuntimeException(new SQLException("An I/O error occurred while sending to the backend.",
                "08006"))).status()).as("a broken connection").isEqualTo(503);
        assertThat(map(new RuntimeException(new SQLTransientConnectionException("pool - Connection is not available")))
                .status()).as("no connection from the pool").isEqualTo(503);
        assertThat(map(new IllegalStateException("JDBC rollback failed", new SQLException("Connection is closed")))
                .status()).as("the rollback on the connection the failure closed").isEqualTo(503);
    }

    @Test
    void aFailingStatementOnAWorkingDatabaseIsStillAnInternalError() {
        MappedError error = map(new RuntimeException(new SQLException("duplicate key value", "23505")));
        assertThat(error.status()).isEqualTo(500);
        assertThat(error.unexpected()).isTrue();
    }

    @Test
    void containerStatusWithoutExceptionIsMappedByStatus() {
        assertThat(mapper.mapStatus(404, "GET", "/x", "req_1").body().message()).isEqualTo("No endpoint GET /x.");
        assertThat(mapper.mapStatus(400, "GET", "/x", "req_1").status()).isEqualTo(422);
        assertThat(mapper.mapStatus(500, "GET", "/x", "req_1").body().message()).contains("req_1");
    }

    @Test
    void jsonTypesReadAsJson() {
        assertThat(ErrorMapper.jsonType(int.class)).isEqualTo("an integer");
        assertThat(ErrorMapper.jsonType(Boolean.class)).isEqualTo("a boolean");
        assertThat(ErrorMapper.jsonType(List.class)).isEqualTo("an array");
        assertThat(ErrorMapper.jsonType(Map.class)).isEqualTo("an object");
        assertThat(ErrorMapper.jsonType(Double.class)).isEqualTo("a number");
        assertThat(ErrorMapper.jsonType(String.class)).isEqualTo("a string");
    }

    @Test
    void validationErrorBodySerialisesExactlyAsTheContract() {
        byte[] json = ErrorBodyJson.write(ErrorBody.validation("message must be at most 2000 characters.",
                List.of(new FieldIssue("message", "must be at most 2000 characters"))));
        assertThat(new String(json)).isEqualTo("{\"error\":\"VALIDATION_ERROR\",\"message\":\"message must be at most "
                + "2000 characters.\",\"status_code\":422,\"detail\":[{\"field\":\"message\",\"issue\":\"must be at most "
                + "2000 characters\"}]}");
        assertThat(new String(ErrorBodyJson.write(ErrorBody.of(ErrorCode.NOT_FOUND, "No endpoint GET /x."))))
                .isEqualTo("{\"error\":\"NOT_FOUND\",\"message\":\"No endpoint GET /x.\",\"status_code\":404}");
    }

    @Test
    void tokenUsedCarriesTheRecordedChoice() {
        assertThat(new String(ErrorBodyJson.write(ErrorBody.tokenUsed("This link was already used.", "Approve"))))
                .isEqualTo("{\"error\":\"TOKEN_USED\",\"message\":\"This link was already used.\",\"status_code\":410,"
                        + "\"choice\":\"Approve\"}");
    }
}
