package dev.pausepoint.kit.trust;

import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.errors.RequestIds;
import dev.pausepoint.identity.RequestSigner;
import io.micrometer.observation.ObservationRegistry;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
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
 *
 * <p>The other service is one base URL (in production a Kubernetes or compose Service, which balances on
 * its own) or several: then calls take the instances in turn, and a call whose connection cannot be
 * opened moves on to the next instance. Only then: a request that was sent may have been acted on, so a
 * failure after that is 503 as with one URL. A small round robin here rather than Spring Cloud
 * LoadBalancer: the list is static, the client is a plain {@code RestClient} made per target outside
 * any {@code @LoadBalanced} builder, and failing over a refused connection is all it needs, so the
 * balancer's auto-configuration and retry machinery in every service would add more than they give
 * (docs/scale-out.md).
 */
public class InternalClient {

    private final String caller;
    private final List<RestClient> instances;
    private final AtomicInteger turn = new AtomicInteger();
    private final JsonMapper json;
    private final String target;

    public InternalClient(String caller, String target, URI baseUrl, RequestSigner signer, JsonMapper json,
            Duration timeout, ObservationRegistry observations) {
        this(caller, target, List.of(baseUrl), signer, json, timeout, observations);
    }

    public InternalClient(String caller, String target, List<URI> baseUrls, RequestSigner signer, JsonMapper json,
            Duration timeout, ObservationRegistry observations) {
        if (baseUrls.isEmpty()) {
            throw new IllegalArgumentException("no URL for " + target);
        }
        this.caller = caller;
        this.target = target;
        this.json = json;
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(timeout).build());
        factory.setReadTimeout(timeout);
        this.instances = baseUrls.stream().map(baseUrl -> RestClient.builder().baseUrl(baseUrl.toString())
                .requestFactory(factory)
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
                .build()).toList();
    }

    /**
     * POSTs {@code body} as JSON to {@code path}, a URI template whose {@code {placeholders}} take
     * {@code variables} in order (encoded). The template, not the expanded path, names the call in its
     * metrics and span, so a call per pause is one series, not one per pause id.
     */
    public JsonNode post(String path, Object body, Object... variables) {
        String answer = call(client -> client.post().uri(path, variables).contentType(MediaType.APPLICATION_JSON)
                .body(json.writeValueAsString(body))
                .retrieve()
                .onStatus(HttpStatusCode::isError, this::throwAnswered)
                .body(String.class));
        return answer == null || answer.isBlank() ? json.nullNode() : read(answer);
    }

    /** GETs {@code path}, a URI template as for {@link #post}. */
    public JsonNode get(String path, Object... variables) {
        return read(call(client -> client.get().uri(path, variables).retrieve()
                .onStatus(HttpStatusCode::isError, this::throwAnswered)
                .body(String.class)));
    }

    private void throwAnswered(HttpRequest request, ClientHttpResponse response) throws IOException {
        throw translate(response.getStatusCode().value(), new String(response.getBody().readAllBytes()));
    }

    /**
     * Runs one exchange, on the next instance in turn, and on the one after it while connections cannot
     * be opened. Any other failure of the exchange itself (timed out, or the other service dying with the
     * call in flight: the connection closed or reset before or during its answer) means that service is
     * unavailable; an error it answered in the envelope is already an ApiException.
     */
    private String call(Function<RestClient, String> exchange) {
        int first = Math.floorMod(turn.getAndIncrement(), instances.size());
        RestClientException refused = null;
        for (int tried = 0; tried < instances.size(); tried++) {
            try {
                return exchange.apply(instances.get((first + tried) % instances.size()));
            } catch (RestClientException e) {
                if (!neverSent(e)) {
                    throw unavailable(e);
                }
                refused = e;
            }
        }
        throw unavailable(refused);
    }

    /** The connection was never opened, so the other service cannot have seen the request. */
    private static boolean neverSent(RestClientException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof HttpConnectTimeoutException) {
                return true;
            }
        }
        return false;
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
