package dev.pausepoint.systemtests.faults;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A developer's webhook endpoints on 127.0.0.2 (the one host delivery-service may reach over http in
 * the tests), recording each post's delivery id per endpoint and pause. It can be taken down (connection
 * refused) and brought back on the same port.
 */
final class WebhookReceiver implements AutoCloseable {

    static final String HOST = "127.0.0.2";
    private static final Pattern PAUSE_ID = Pattern.compile("\"pause_id\"\\s*:\\s*\"([^\"]+)\"");

    /** endpoint path → pause id → delivery ids seen (a redelivery of one id is the same webhook). */
    private final Map<String, Map<String, Set<String>>> deliveries = new ConcurrentHashMap<>();
    private int port;
    private HttpServer server;

    synchronized void start() {
        try {
            server = HttpServer.create(new InetSocketAddress(HOST, port), 64);
            port = server.getAddress().getPort();
            server.createContext("/hooks/", exchange -> {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                Matcher pause = PAUSE_ID.matcher(body);
                String deliveryId = exchange.getRequestHeaders().getFirst("X-PausePoint-Delivery");
                if (pause.find() && deliveryId != null) {
                    deliveries.computeIfAbsent(exchange.getRequestURI().getPath(), path -> new ConcurrentHashMap<>())
                            .computeIfAbsent(pause.group(1), id -> ConcurrentHashMap.newKeySet()).add(deliveryId);
                }
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    synchronized void stop() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }

    String url(String path) {
        return "http://" + HOST + ":" + port + path;
    }

    /** Distinct delivery ids {@code path} received for {@code pauseId}. */
    int deliveries(String path, String pauseId) {
        return deliveries.getOrDefault(path, Map.of()).getOrDefault(pauseId, Set.of()).size();
    }

    List<String> paths() {
        return List.copyOf(deliveries.keySet());
    }

    @Override
    public void close() {
        stop();
    }
}
