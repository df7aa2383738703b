package dev.pausepoint.kit;

import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.RequestSigner;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Calls a service the way the gateway forwards a request: with a signed identity for the given
 * caller. Lets a service's tests exercise its API without a gateway in front.
 */
public final class SignedClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final int port;
    private final RequestSigner signer;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public SignedClient(int port, RequestSigner signer) {
        this.port = port;
        this.signer = signer;
    }

    public record Reply(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public Reply get(String path, CallerIdentity as) {
        return send("GET", path, null, null, as);
    }

    public Reply postJson(String path, String json, CallerIdentity as) {
        return send("POST", path, "application/json", json, as);
    }

    public Reply send(String method, String path, String contentType, String body, CallerIdentity as,
            String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, body == null ? BodyPublishers.noBody() : BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            request.headers(headers);
        }
        signer.signIdentity(as, method, URI.create(path).getRawPath()).forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response);
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + " failed", e);
        }
    }

    /** A GET of {@code /internal/**} as another service would make it. */
    public Reply internalGet(String path, String caller) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).GET();
        signer.signInternalCall(caller, "GET", path).forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response);
        } catch (Exception e) {
            throw new AssertionError("GET " + path + " failed", e);
        }
    }

    /** A call to {@code /internal/**} as another service would make it. */
    public Reply internalPost(String path, String json, String caller) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString(json));
        signer.signInternalCall(caller, "POST", path).forEach(request::header);
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response);
        } catch (Exception e) {
            throw new AssertionError("POST " + path + " failed", e);
        }
    }
}
