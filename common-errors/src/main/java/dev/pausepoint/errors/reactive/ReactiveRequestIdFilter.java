package dev.pausepoint.errors.reactive;

import dev.pausepoint.errors.RequestIds;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Fixes the request id at the edge: a well-formed client id is kept, any other is replaced, and the
 * result goes back to the client in {@code X-Request-Id}. It is kept as the exchange's
 * {@link RequestIds#ATTRIBUTE}, not written on a mutated copy of the request (which copies every header):
 * whatever sends the request on writes it from there (the gateway, on the headers it forwards).
 */
public class ReactiveRequestIdFilter implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id = RequestIds.accept(exchange.getRequest().getHeaders().getFirst(RequestIds.HEADER));
        exchange.getAttributes().put(RequestIds.ATTRIBUTE, id);
        // Set when the response commits, replacing the copy a proxied service's response would add.
        exchange.getResponse().beforeCommit(() -> {
            exchange.getResponse().getHeaders().set(RequestIds.HEADER, id);
            return Mono.empty();
        });
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
