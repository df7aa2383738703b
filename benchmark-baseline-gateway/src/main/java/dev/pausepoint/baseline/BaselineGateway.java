package dev.pausepoint.baseline;

import java.util.Objects;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.gateway.filter.ratelimit.KeyResolver;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import reactor.core.publisher.Mono;

/**
 * Spring Cloud Gateway as it comes: one route to {@code TARGET_URL} with the stock
 * {@code RequestRateLimiter} on Redis, keyed by the client's address. No key check, no identity, no
 * layered windows: what our gateway's throughput is measured against.
 */
@SpringBootApplication
public class BaselineGateway {

    public static void main(String[] args) {
        SpringApplication.run(BaselineGateway.class, args);
    }

    @Bean
    KeyResolver clientAddress() {
        return exchange -> Mono.just(Objects.requireNonNullElse(
                exchange.getRequest().getHeaders().getFirst("X-Forwarded-For"),
                String.valueOf(exchange.getRequest().getRemoteAddress())));
    }

    @Bean
    RedisRateLimiter redisRateLimiter() {
        // Out of reach, as the benchmark sets our gateway's limits: the limiter runs but never refuses.
        return new RedisRateLimiter(1_000_000, 1_000_000);
    }

    @Bean
    RouteLocator baselineRoute(RouteLocatorBuilder routes, RedisRateLimiter limiter, KeyResolver clientAddress,
            Environment environment) {
        String target = environment.getRequiredProperty("TARGET_URL");
        return routes.routes()
                .route("pause-service", route -> route.path("/v1/pause/**")
                        .filters(filters -> filters.requestRateLimiter(config -> config.setRateLimiter(limiter)
                                .setKeyResolver(clientAddress)))
                        .uri(target))
                .build();
    }
}
