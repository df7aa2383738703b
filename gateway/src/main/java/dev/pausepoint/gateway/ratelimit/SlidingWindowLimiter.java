package dev.pausepoint.gateway.ratelimit;

import java.util.List;
import reactor.core.publisher.Mono;

/** Checks a request against all its layers at once; a refused request counts in none of them. */
public interface SlidingWindowLimiter {

    Mono<Decision> check(List<Layer> layers, long nowMillis, String requestId);
}
