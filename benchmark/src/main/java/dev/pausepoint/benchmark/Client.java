package dev.pausepoint.benchmark;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import tools.jackson.databind.json.JsonMapper;

/**
 * The load generator's side of the wire: one HTTP/1.1 client on a small pool of its own, shared by the
 * set-up calls and by {@link Load}, so the generator's thread count stays fixed whatever the phase.
 */
public final class Client {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final ExecutorService threads = Executors.newFixedThreadPool(4);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(threads).connectTimeout(Duration.ofSeconds(5)).build();
    private final Load load = new Load(http, threads);

    public HttpClient http() {
        return http;
    }

    public Load load() {
        return load;
    }

    public Reply send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (Exception e) {
            throw new IllegalStateException(request.uri() + " failed", e);
        }
    }
}
