package dev.pausepoint.dashboard.api;

import dev.pausepoint.identity.RequestSigner;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.util.UriUtils;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboard's one way to the public API: through the gateway, as any client, with the developer's
 * session as the bearer credential and the page's world in {@code PausePoint-Mode}. Each call carries the
 * browser's address, signed, so the gateway's per-address windows (the strict one of sign-in and sign-up
 * among them) count the person at the browser and not the dashboard (docs/trust-boundary.md, "Client
 * IP"). Paths are built from a template whose {@code {}} are filled with percent-encoded segments, so an
 * id taken from the browser's address cannot reach another path.
 */
public class ApiClient {

    private static final String MODE_HEADER = "PausePoint-Mode";

    private final URI base;
    private final RequestSigner signer;
    private final JsonMapper json;
    private final HttpClient http;
    private final Duration timeout;

    public ApiClient(URI base, RequestSigner signer, JsonMapper json, HttpClient http, Duration timeout) {
        this.base = URI.create(base.toString().replaceAll("/+$", ""));
        this.signer = signer;
        this.json = json;
        this.http = http;
        this.timeout = timeout;
    }

    /** A call's path and query: {@code template} with each {@code {}} replaced by an encoded segment. */
    public static final class Path {
        private final String path;
        private final Map<String, String> query = new LinkedHashMap<>();

        private Path(String path) {
            this.path = path;
        }

        public static Path of(String template, String... segments) {
            StringBuilder path = new StringBuilder();
            int next = 0;
            int from = 0;
            for (int at = template.indexOf("{}"); at >= 0; at = template.indexOf("{}", from)) {
                path.append(template, from, at).append(UriUtils.encodePathSegment(segments[next++],
                        StandardCharsets.UTF_8));
                from = at + 2;
            }
            if (next != segments.length) {
                throw new IllegalArgumentException(template + " takes " + next + " segments");
            }
            return new Path(path.append(template.substring(from)).toString());
        }

        /** Adds {@code name=value} unless the value is null or empty. */
        public Path query(String name, Object value) {
            if (value != null && !value.toString().isEmpty()) {
                query.put(name, value.toString());
            }
            return this;
        }

        String rawPath() {
            return path;
        }

        String pathAndQuery() {
            if (query.isEmpty()) {
                return path;
            }
            List<String> pairs = new ArrayList<>();
            query.forEach((name, value) -> pairs.add(UriUtils.encodeQueryParam(name, StandardCharsets.UTF_8) + "="
                    + UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8)));
            return path + "?" + String.join("&", pairs);
        }
    }

    public JsonNode get(Caller caller, Path path) {
        return send(caller, "GET", path, null);
    }

    public JsonNode post(Caller caller, Path path, Object body) {
        return send(caller, "POST", path, body);
    }

    public JsonNode delete(Caller caller, Path path) {
        return send(caller, "DELETE", path, null);
    }

    public <T> T read(JsonNode node, Class<T> type) {
        return json.treeToValue(node, type);
    }

    /** The answer's body as it streams, for an export; a failure is thrown before any byte is handed over. */
    public HttpResponse<InputStream> stream(Caller caller, Path path) {
        HttpRequest request = request(caller, "GET", path, null).build();
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw unavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        }
        if (response.statusCode() >= 300) {
            try (InputStream body = response.body()) {
                throw failure(response.statusCode(), new String(body.readNBytes(64 * 1024), StandardCharsets.UTF_8),
                        response.headers().firstValue("Retry-After").orElse(null));
            } catch (IOException e) {
                throw unavailable(e);
            }
        }
        return response;
    }

    private JsonNode send(Caller caller, String method, Path path, Object body) {
        HttpRequest request = request(caller, method, path, body).build();
        HttpResponse<String> response;
        try {
            response = http.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw unavailable(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(e);
        }
        if (response.statusCode() >= 300) {
            throw failure(response.statusCode(), response.body(), response.headers().firstValue("Retry-After").orElse(null));
        }
        if (response.body().isEmpty()) {
            return json.nullNode();
        }
        try {
            return json.readTree(response.body());
        } catch (JacksonException e) {
            throw new ApiFailure(502, "INTERNAL_ERROR", "The API answered something that is not JSON.", List.of(), 0);
        }
    }

    private HttpRequest.Builder request(Caller caller, String method, Path path, Object body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path.pathAndQuery())).timeout(timeout)
                .header("Accept", "application/json");
        signer.signRelayedClient(caller.clientIp(), method, path.rawPath()).forEach(request::header);
        if (caller.sessionToken() != null) {
            request.header("Authorization", "Bearer " + caller.sessionToken());
        }
        if (caller.world() != null) {
            request.header(MODE_HEADER, caller.world().wire());
        }
        if (body == null) {
            return request.method(method, BodyPublishers.noBody());
        }
        return request.header("Content-Type", "application/json")
                .method(method, BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8));
    }

    private ApiFailure failure(int status, String body, String retryAfter) {
        long retry = 0;
        try {
            retry = retryAfter == null ? 0 : Long.parseLong(retryAfter.trim());
        } catch (NumberFormatException ignored) {
            // A Retry-After that is a date, or garbage: no figure to show.
        }
        try {
            JsonNode envelope = json.readTree(body);
            List<ApiFailure.Issue> issues = new ArrayList<>();
            JsonNode detail = envelope.path("detail");
            for (JsonNode issue : detail) {
                issues.add(new ApiFailure.Issue(issue.path("field").asString(""), issue.path("issue").asString("")));
            }
            return new ApiFailure(status, envelope.path("error").asString("INTERNAL_ERROR"),
                    envelope.path("message").asString("The API refused the request."), issues, retry);
        } catch (JacksonException e) {
            return new ApiFailure(status, "INTERNAL_ERROR", "The API answered " + status + ".", List.of(), retry);
        }
    }

    private static ApiFailure unavailable(Exception cause) {
        String message = cause instanceof HttpTimeoutException ? "The API did not answer in time."
                : "The API could not be reached.";
        return new ApiFailure(503, "SERVICE_UNAVAILABLE", message + " Try again in a moment.", List.of(), 0);
    }
}
