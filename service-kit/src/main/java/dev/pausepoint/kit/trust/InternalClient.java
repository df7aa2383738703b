package dev.pausepoint.kit.trust;

import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.errors.RequestIds;
import dev.pausepoint.identity.RequestSigner;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Supplier;
import org.slf4j.MDC;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A call from one service to another's {@code /internal/**} API, signed as this service. An error the
 * other service answered in the envelope comes back as the same {@link ApiException} (a 402 from
 * billing stays a 402 with billing's message); a service that cannot be reached, or dies before its
 * answer is complete, is 503. Calls are observed, so each is a client span whose {@code traceparent}
 * the other service continues, and carry the request id of the request they serve.
 */
public class InternalClient {

    private final String caller;
    private final RestClient client;
    private final JsonMapper json;
    private final String target;

    public InternalClient(String caller, String target, URI baseUrl, RequestSigner signer, JsonMapper json,
            Duration timeout, ObservationRegistry observations) {
        this.caller = caller;
        this.target = target;
        this.json = json;
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(timeout).build());
        factory.setReadTimeout(timeout);
        this.client = RestClient.builder().baseUrl(baseUrl.toString()).requestFactory(factory)
                .observationRegistry(observations)
                .requestInterceptor((request, body, execution) -> {
                    signer.signInternalCall(caller, request.getMethod().name(), request.getURI().getRawPath())
                            .forEach(request.getHeaders()::set);
                    // The request this call serves, so the other service's lines carry its id too.
                    String requestId = MDC.get(RequestIds.MDC_KEY);
                    if (requestId != null) {
                        request.getHeaders().set(RequestIds.HEADER, requestId);
                    }
                    return execution.execute(request, body);
                })
                .build();
    }

    public JsonNode post(String path, Object body) {
        String answer = call(() -> client.post().uri(path).contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(body))
                .retrieve()
                .onStatus(HttpStatusCode::isError, this::throwAnswered)
                .body(String.class));
        return answer == null || answer.isBlank() ? json.nullNode() : read(answer);
    }

    public JsonNode get(String path) {
        return read(call(() -> client.get().uri(path).retrieve()
                .onStatus(HttpStatusCode::isError, this::throwAnswered)
                .body(String.class)));
    }

    private void throwAnswered(HttpRequest request, ClientHttpResponse response) throws IOException {
        throw translate(response.getStatusCode().value(), new String(response.getBody().readAllBytes()));
    }

    /**
     * Runs one exchange. Any failure of the exchange itself (refused, timed out, or the other service
     * dying with the call in flight: the connection closed or reset before or during its answer) means
     * that service is unavailable; an error it answered in the envelope is already an ApiException.
     */
    private String call(Supplier<String> exchange) {
        try {
            return exchange.get();
        } catch (RestClientException e) {
            throw unavailable(e);
        }
    }

    /** An answer that is not JSON came from a service in trouble, not from our caller's input. */
    private JsonNode read(String answer) {
        try {
            return json.readTree(answer);
        } catch (JacksonException e) {
            throw unavailable(e);
        }
    }

    private ApiException translate(int status, String body) {
        try {
            JsonNode envelope = json.readTree(body);
            ErrorCode code = ErrorCode.valueOf(envelope.get("error").asString());
            if (code.status() == status && code.status() < 500) {
                return new ApiException(code, envelope.get("message").asString());
            }
        } catch (RuntimeException notAnEnvelope) {
            // Fall through: the other side did not answer in our shape.
        }
        return new ApiException(ErrorCode.SERVICE_UNAVAILABLE, capitalizedTarget() + " could not complete the request; "
                + "try again shortly.");
    }

    private ApiException unavailable(Exception cause) {
        return new ApiException(ErrorCode.SERVICE_UNAVAILABLE, capitalizedTarget() + " is unavailable; try again "
                + "shortly.", cause);
    }

    private String capitalizedTarget() {
        return Character.toUpperCase(target.charAt(0)) + target.substring(1);
    }

    public String caller() {
        return caller;
    }
}
