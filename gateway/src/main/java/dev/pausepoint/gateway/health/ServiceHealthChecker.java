package dev.pausepoint.gateway.health;

import dev.pausepoint.gateway.routing.DownstreamServices;
import io.netty.channel.ChannelOption;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Asks every instance's readiness probe at once, each with a short timeout, so one hung service costs
 * the caller at most that timeout and shows as {@code down} instead of hanging {@code /health}. A
 * service given as several URLs is {@code ok} while at least one of its instances is ready: the
 * gateway balances over the ready ones.
 */
@Component
public class ServiceHealthChecker {

    static final String OK = "ok";
    static final String DOWN = "down";
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    /** How many of a service's configured instances answered their readiness probe. */
    public record Instances(int ready, int configured) {
    }

    private final DownstreamServices services;
    private final WebClient client;

    public ServiceHealthChecker(DownstreamServices services) {
        this.services = services;
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) TIMEOUT.toMillis())
                .responseTimeout(TIMEOUT);
        this.client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
    }

    /** Every service of the API by name, in {@link DownstreamServices#apiServices()}'s order. */
    public Mono<Map<String, Instances>> checkAll() {
        Map<String, List<URI>> all = services.apiServices();
        return Flux.fromIterable(all.entrySet())
                .flatMap(service -> Flux.fromIterable(service.getValue()).flatMap(this::isReady)
                        .filter(Boolean::booleanValue).count()
                        .map(ready -> Map.entry(service.getKey(),
                                new Instances(ready.intValue(), service.getValue().size()))))
                .collectMap(Map.Entry::getKey, Map.Entry::getValue)
                .map(states -> {
                    Map<String, Instances> ordered = new LinkedHashMap<>();
                    all.keySet().forEach(name -> ordered.put(name, states.get(name)));
                    return ordered;
                });
    }

    private Mono<Boolean> isReady(URI base) {
        // Readiness on the service's public port (management.endpoint.health.probes.add-additional-paths):
        // its actuator is on a management port the gateway does not know.
        return client.get().uri(base.resolve("/readyz"))
                .retrieve()
                .toBodilessEntity()
                .map(response -> true)
                .timeout(TIMEOUT)
                .onErrorReturn(false);
    }
}
