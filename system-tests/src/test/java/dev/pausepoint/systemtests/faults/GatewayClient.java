package dev.pausepoint.systemtests.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of the gateway, with a developer's API key where a call needs one. A request that gets no
 * answer (refused, reset, timed out) is a reply with status -1, not an exception: the suite counts those.
 */
record GatewayClient(URI gateway, String apiKey) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern FIELD = Pattern.compile("\"(pause_id|respond_url|error)\"\\s*:\\s*\"([^\"]+)\"");

    /** The status (-1: no answer) and body of one request. */
    record Reply(int status, String body) {

        /** One of the few top-level strings the suite reads often ({@code pause_id}, {@code respond_url}, {@code error}). */
        String field(String name) {
            Matcher matcher = FIELD.matcher(body);
            while (matcher.find()) {
                if (matcher.group(1).equals(name)) {
                    return matcher.group(2);
                }
            }
            return null;
        }

        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    GatewayClient as(String key) {
        return new GatewayClient(gateway, key);
    }

    /** {@code json} null sends no body; {@code withKey} adds the API key. */
    Reply send(String method, String path, String json, boolean withKey) {
        // The tests are the trusted proxy: each request comes from an address of its own, so the
        // per-address limits do not throttle the load.
        HttpRequest.Builder request = HttpRequest.newBuilder(gateway.resolve(path)).timeout(Duration.ofSeconds(20))
                .header("X-Forwarded-For", "198.18." + ThreadLocalRandom.current().nextInt(256) + "."
                        + ThreadLocalRandom.current().nextInt(1, 255))
                .method(method, json == null ? BodyPublishers.noBody() : BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (withKey) {
            request.header("Authorization", "Bearer " + apiKey);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            return new Reply(-1, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(-1, "");
        }
    }

    /** The pause as its developer sees it now. */
    Reply read(String pauseId) {
        return send("GET", "/v1/pause/" + pauseId, null, true);
    }

    Reply cancel(String pauseId) {
        return send("DELETE", "/v1/pause/" + pauseId, null, true);
    }
}
