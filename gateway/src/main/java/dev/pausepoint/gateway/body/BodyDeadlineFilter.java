package dev.pausepoint.gateway.body;

import java.time.Duration;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Gives a request's body a deadline counted from its head: whoever reads the body sees it end with
 * {@link RequestBodyTimeoutException} if it is not complete by then, however steadily its bytes
 * trickle in. Reactor Netty's {@code readTimeout} restarts with every read, so it cannot bound that;
 * its {@code requestTimeout} does, but closes the connection with no answer at all.
 */
class BodyDeadlineFilter implements WebFilter, Ordered {

    private final Duration timeout;

    BodyDeadlineFilter(Duration timeout) {
        this.timeout = timeout;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!WholeBodyFilter.hasBody(request.getHeaders())) {
            return chain.filter(exchange);
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        ServerHttpRequest bounded = new ServerHttpRequestDecorator(request) {
            @Override
            public Flux<DataBuffer> getBody() {
                // Every chunk's wait ends at the same deadline, so together they cannot exceed it.
                return super.getBody().timeout(until(deadline), chunk -> until(deadline),
                        Flux.error(() -> new RequestBodyTimeoutException(timeout)));
            }
        };
        return chain.filter(exchange.mutate().request(bounded).build());
    }

    private static Mono<Long> until(long deadline) {
        return Mono.delay(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
    }

    @Override
    public int getOrder() {
        // As soon as the request is known not to be an edge refusal: the clock starts at the head.
        return Ordered.HIGHEST_PRECEDENCE + 2;
    }
}
