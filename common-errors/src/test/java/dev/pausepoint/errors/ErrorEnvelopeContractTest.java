package dev.pausepoint.errors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.errors.testapp.SampleController;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The failures the contract says must come back in the envelope (docs/api-reference.md, "Errors"), asserted
 * over real HTTP. Subclasses run it against a servlet and a reactive application so both stacks are held to
 * the same answers.
 */
public abstract class ErrorEnvelopeContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    protected abstract int port();

    protected record Reply(int status, JsonNode body, HttpResponse<String> raw) {
        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    protected Reply send(String method, String path, String contentType, BodyPublisher body, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port() + path))
                    .timeout(Duration.ofSeconds(10))
                    .method(method, body);
            if (contentType != null) {
                request.header("Content-Type", contentType);
            }
            if (headers.length > 0) {
                request.headers(headers);
            }
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode json = response.body().isEmpty() ? null : JSON.readTree(response.body());
            return new Reply(response.statusCode(), json, response);
        } catch (Exception e) {
            throw new AssertionError("request failed: " + method + " " + path, e);
        }
    }

    protected Reply get(String path, String... headers) {
        return send("GET", path, null, BodyPublishers.noBody(), headers);
    }

    protected Reply postJson(String path, String json) {
        return send("POST", path, "application/json", BodyPublishers.ofString(json));
    }

    protected static void assertEnvelope(Reply reply, int status, ErrorCode code) {
        assertThat(reply.status()).as("HTTP status").isEqualTo(status);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.body().get("error").asString()).isEqualTo(code.name());
        assertThat(reply.body().get("status_code").asInt()).isEqualTo(status);
        assertThat(reply.body().get("message").asString()).isNotBlank();
        var names = new java.util.ArrayList<String>();
        reply.body().propertyNames().forEach(names::add);
        assertThat(names).isSubsetOf("error", "message", "status_code", "detail");
    }

    private static String detail(Reply reply) {
        return reply.body().get("detail").toString();
    }

    @Test
    void unknownPathIsNotFound() {
        Reply reply = get("/no/such/path");
        assertEnvelope(reply, 404, ErrorCode.NOT_FOUND);
        assertThat(reply.body().get("message").asString()).isEqualTo("No endpoint GET /no/such/path.");
    }

    @Test
    void wrongMethodIsMethodNotAllowedNamingTheAllowedOnes() {
        Reply reply = send("DELETE", "/boom", null, BodyPublishers.noBody());
        assertEnvelope(reply, 405, ErrorCode.METHOD_NOT_ALLOWED);
        assertThat(reply.header("Allow")).isEqualTo("GET");
        assertThat(reply.body().get("message").asString()).isEqualTo("Method DELETE is not allowed on /boom; allowed: GET.");
    }

    @Test
    void plainTextBodyIsUnsupportedMediaType() {
        Reply reply = send("POST", "/samples", "text/plain", BodyPublishers.ofString("hello"));
        assertEnvelope(reply, 415, ErrorCode.UNSUPPORTED_MEDIA_TYPE);
        assertThat(reply.body().get("message").asString()).contains("text/plain").contains("application/json");
    }

    @Test
    void malformedJsonIsValidationErrorOnTheBody() {
        Reply reply = postJson("/samples", "{\"message\": \"hi\",");
        assertEnvelope(reply, 422, ErrorCode.VALIDATION_ERROR);
        assertThat(reply.body().get("detail").get(0).get("field").asString()).isEqualTo("body");
        assertThat(reply.body().get("detail").get(0).get("issue").asString()).startsWith("is not valid JSON");
    }

    @Test
    void stringWhereAnIntegerBelongsNamesTheField() {
        Reply reply = postJson("/samples", "{\"message\": \"hi\", \"timeout_hours\": \"5\", \"options\": [\"a\", \"b\"]}");
        assertEnvelope(reply, 422, ErrorCode.VALIDATION_ERROR);
        assertThat(detail(reply)).isEqualTo("[{\"field\":\"timeout_hours\",\"issue\":\"must be an integer\"}]");
        assertThat(reply.body().get("message").asString()).isEqualTo("timeout_hours must be an integer.");
    }

    @Test
    void numberOrBooleanWhereAStringBelongsNamesTheField() {
        Reply number = postJson("/samples", "{\"message\": 7, \"options\": [\"a\", \"b\"]}");
        assertEnvelope(number, 422, ErrorCode.VALIDATION_ERROR);
        assertThat(detail(number)).isEqualTo("[{\"field\":\"message\",\"issue\":\"must be a string\"}]");
        Reply bool = postJson("/samples", "{\"message\": \"hi\", \"options\": [\"a\", true]}");
        assertEnvelope(bool, 422, ErrorCode.VALIDATION_ERROR);
        assertThat(detail(bool)).isEqualTo("[{\"field\":\"options[1]\",\"issue\":\"must be a string\"}]");
    }

    @Test
    void objectWhereAnArrayBelongsNamesTheField() {
        Reply reply = postJson("/samples", "{\"message\": \"hi\", \"options\": {\"a\": 1}}");
        assertEnvelope(reply, 422, ErrorCode.VALIDATION_ERROR);
        assertThat(detail(reply)).isEqualTo("[{\"field\":\"options\",\"issue\":\"must be an array\"}]");
    }

    @Test
    void everyFailingFieldIsListedAtOnceInSnakeCase() {
        Reply reply = postJson("/samples", "{\"message\": \" \", \"timeout_hours\": 0, \"options\": [\"a\"], \"unknown\": true}");
        assertEnvelope(reply, 422, ErrorCode.VALIDATION_ERROR);
        assertThat(reply.body().get("detail")).hasSize(3);
        assertThat(detail(reply))
                .contains("{\"field\":\"message\",\"issue\":\"must not be blank\"}")
                .contains("{\"field\":\"timeout_hours\",\"issue\":\"must be greater than or equal to 1\"}")
                .contains("{\"field\":\"options\",\"issue\":\"must have 2 to 5 items\"}");
        assertThat(reply.body().get("message").asString()).isEqualTo("3 fields are invalid; see detail.");
    }

    @Test
    void validBodyPassesWithUnknownFieldsIgnored() {
        Reply reply = postJson("/samples", "{\"message\": \"hi\", \"timeout_hours\": 3, \"options\": [\"a\", \"b\"], \"extra\": 1}");
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.body().get("timeout_hours").asInt()).isEqualTo(3);
    }

    @Test
    void queryParameterOfWrongTypeIsValidationError() {
        Reply reply = get("/samples?limit=ten");
        assertEnvelope(reply, 422, ErrorCode.VALIDATION_ERROR);
        assertThat(detail(reply)).isEqualTo("[{\"field\":\"limit\",\"issue\":\"must be an integer\"}]");
    }

    @Test
    void missingQueryParameterIsValidationError() {
        Reply reply = get("/samples");
        assertEnvelope(reply, 422, ErrorCode.VALIDATION_ERROR);
        assertThat(detail(reply)).isEqualTo("[{\"field\":\"limit\",\"issue\":\"is required\"}]");
    }

    @Test
    void bodyOverTheLimitIsPayloadTooLarge() {
        String big = "{\"message\": \"" + "x".repeat(100 * 1024) + "\"}";
        Reply reply = postJson("/samples", big);
        assertEnvelope(reply, 413, ErrorCode.PAYLOAD_TOO_LARGE);
        assertThat(reply.body().get("message").asString()).isEqualTo("Request body is larger than the limit of 64 KB.");
    }

    @Test
    void chunkedBodyOverTheLimitIsPayloadTooLarge() {
        byte[] big = ("{\"message\": \"" + "x".repeat(100 * 1024) + "\"}").getBytes();
        // ofInputStream has no known length, so the client sends it chunked without Content-Length.
        Reply reply = send("POST", "/samples", "application/json",
                BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big)));
        assertEnvelope(reply, 413, ErrorCode.PAYLOAD_TOO_LARGE);
    }

    @Test
    void bodyJustUnderTheLimitIsRead() {
        String body = "{\"message\": \"" + "x".repeat(64 * 1024 - 100) + "\", \"options\": [\"a\", \"b\"]}";
        assertThat(postJson("/samples", body).status()).isEqualTo(201);
    }

    @Test
    void unexpectedExceptionIsInternalErrorWithRequestIdAndNothingInternal() {
        Reply reply = get("/boom");
        assertEnvelope(reply, 500, ErrorCode.INTERNAL_ERROR);
        String requestId = reply.header(RequestIds.HEADER);
        assertThat(requestId).startsWith("req_");
        assertThat(reply.body().get("message").asString()).contains(requestId);
        assertThat(reply.raw().body()).doesNotContain("hunter2", "IllegalState", "Exception", "at dev.");
    }

    @Test
    void domainRejectionKeepsItsCodeAndMessage() {
        Reply reply = get("/samples/psr_123");
        assertEnvelope(reply, 404, ErrorCode.PAUSE_NOT_FOUND);
        assertThat(reply.body().get("message").asString()).isEqualTo("No pause psr_123.");
        assertThat(reply.body().has("detail")).isFalse();
    }

    @Test
    void wellFormedClientRequestIdIsKeptAndEchoed() {
        Reply reply = get("/boom", RequestIds.HEADER, "client-trace-0001");
        assertThat(reply.header(RequestIds.HEADER)).isEqualTo("client-trace-0001");
        assertThat(reply.body().get("message").asString()).contains("client-trace-0001");
    }

    @Test
    void malformedClientRequestIdIsReplaced() {
        Reply reply = get("/boom", RequestIds.HEADER, "bad id\twith spaces");
        assertThat(reply.header(RequestIds.HEADER)).startsWith("req_");
    }

    static {
        // The secret must exist for the leak assertion to mean something.
        assertThat(SampleController.SECRET).contains("hunter2");
    }
}
