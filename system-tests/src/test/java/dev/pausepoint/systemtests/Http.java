package dev.pausepoint.systemtests;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A client's view of the gateway: raw HTTP and the JSON it answers. Public for the scale-out suite's package. */
public final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public record Reply(int status, String body, HttpResponse<String> raw) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    private Http() {
    }

    /** A client address from the benchmarking range 198.18.0.0/15, new for every request. */
    static String randomClient() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        return "198." + (18 + random.nextInt(2)) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    static Reply send(String method, String path, BodyPublisher body, String... headers) {
        return send(SystemStack.gateway(), method, path, body, headers);
    }

    /** The same against another gateway instance. */
    public static Reply send(URI gateway, String method, String path, BodyPublisher body, String... headers) {
        Reply reply = exchange(gateway, method, path, body, headers);
        // Every answer a system test receives is one the OpenAPI document describes (docs/openapi.md).
        OpenApiDocument.committed().assertDescribes(method, path, reply);
        return reply;
    }

    /**
     * Straight to a service, as a caller that got past the network would: what answers is not the gateway, so
     * not the public API the document describes (it refuses, with the envelope).
     */
    static Reply sendPastTheGateway(URI service, String method, String path, BodyPublisher body, String... headers) {
        return exchange(service, method, path, body, headers);
    }

    private static Reply exchange(URI target, String method, String path, BodyPublisher body, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + path))
                    .timeout(Duration.ofSeconds(40)).method(method, body);
            if (headers.length > 0) {
                request.headers(headers);
            }
            if (java.util.Arrays.stream(headers).noneMatch("X-Forwarded-For"::equalsIgnoreCase)) {
                request.header("X-Forwarded-For", randomClient());
            }
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response);
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + " failed", e);
        }
    }

    static Reply get(String path) {
        return send("GET", path, BodyPublishers.noBody());
    }

    static Reply postJson(String path, String json) {
        return send("POST", path, BodyPublishers.ofString(json), "Content-Type", "application/json");
    }
}
