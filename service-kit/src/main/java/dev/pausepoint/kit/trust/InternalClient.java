package dev.pausepoint.kit.trust;

import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.identity.RequestSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A call from one service to another's {@code /internal/**} API, signed as this service. An error the
 * other service answered in the envelope comes back as the same {@link ApiException} (a 402 from
 * billing stays a 402 with billing's message); a service that cannot be reached is 503.
 */
public class InternalClient {

    private final String caller;
    private final RestClient client;
    private final JsonMapper json;
    private final String target;

    public InternalClient(String caller, String target, URI baseUrl, RequestSigner signer, JsonMapper json,
            Duration timeout) {
        this.caller = caller;
        this.target = target;
        this.json = json;
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(timeout).build());
        factory.setReadTimeout(timeout);
        this.client = RestClient.builder().baseUrl(baseUrl.toString()).requestFactory(factory)
                .requestInterceptor((request, body, execution) -> {
                    signer.signInternalCall(caller, request.getMethod().name(), request.getURI().getRawPath())
                            .forEach(request.getHeaders()::set);
                    return execution.execute(request, body);
                })
                .build();
    }

    public JsonNode post(String path, Object body) {
        try {
            String answer = client.post().uri(path).contentType(MediaType.APPLICATION_JSON)
                    .body(json.writeValueAsString(body))
                    .retrieve()
                    .onStatus(HttpStatusCode::isError, (request, response) -> {
                        throw translate(response.getStatusCode().value(), new String(response.getBody().readAllBytes()));
                    })
                    .body(String.class);
            return answer == null || answer.isBlank() ? json.nullNode() : json.readTree(answer);
        } catch (ResourceAccessException e) {
            throw unavailable(e);
        }
    }

    public JsonNode get(String path) {
        try {
            String answer = client.get().uri(path).retrieve()
                    .onStatus(HttpStatusCode::isError, (request, response) -> {
                        throw translate(response.getStatusCode().value(), new String(response.getBody().readAllBytes()));
                    })
                    .body(String.class);
            return json.readTree(answer);
        } catch (ResourceAccessException e) {
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
