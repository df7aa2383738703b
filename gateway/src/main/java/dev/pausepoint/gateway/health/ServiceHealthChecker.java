package dev.pausepoint.gateway.health;

import dev.pausepoint.gateway.routing.DownstreamServices;
import io.netty.channel.ChannelOption;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Asks every service's readiness probe at once, each with a short timeout, so one hung service costs
 * the caller at most that timeout and shows as {@code down} instead of hanging {@code /health}.
 */
@Component
public class ServiceHealthChecker {

    static final String OK = "ok";
    static final String DOWN = "down";
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final DownstreamServices services;
    private final WebClient client;

    public ServiceHealthChecker(DownstreamServices services) {
        this.services = services;
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) TIMEOUT.toMillis())
                .responseTimeout(TIMEOUT);
        this.client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
    }

    public Mono<Map<String, String>> checkAll() {
        Map<String, URI> all = services.byName();
        return Flux.fromIterable(all.entrySet())
                .flatMap(service -> check(service.getValue()).map(state -> Map.entry(service.getKey(), state)))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .map(states -> {
                    Map<String, String> ordered = new LinkedHashMap<>();
                    all.keySet().forEach(name -> ordered.put(name, states.get(name)));
                    return ordered;
                });
    }

    private Mono<String> check(URI base) {
        // Readiness on the service's public port (management.endpoint.health.probes.add-additional-paths):
        // its actuator is on a management port the gateway does not know.
        return client.get().uri(base.resolve("/readyz"))
                .retrieve()
                .toBodilessEntity()
                .map(response -> OK)
                .timeout(TIMEOUT)
                .onErrorReturn(DOWN);
    }
}
