package dev.pausepoint.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Raw HTTP to the gateway, so a test sees exactly what a client would, path bytes included. */
final class GatewayHttp {

    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private GatewayHttp() {
    }

    static HttpResponse<String> send(int port, String method, String path, BodyPublisher body, String... headers) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .timeout(Duration.ofSeconds(15)).method(method, body);
            if (headers.length > 0) {
                request.headers(headers);
            }
            return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(method + " " + path + " failed", e);
        }
    }

    static HttpResponse<String> get(int port, String path) {
        return send(port, "GET", path, BodyPublishers.noBody());
    }
}
