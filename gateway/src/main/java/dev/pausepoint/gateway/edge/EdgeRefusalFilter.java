package dev.pausepoint.gateway.edge;

import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Answers the stand-ins {@link EdgeRequestGuard} puts in place of refused requests: with the
 * rejection for their reason, rendered in the envelope by the common error handler like any other.
 */
class EdgeRefusalFilter implements WebFilter, Ordered {

    private final DataSize maxRequestLine;
    private final DataSize maxHeaders;

    EdgeRefusalFilter(DataSize maxRequestLine, DataSize maxHeaders) {
        this.maxRequestLine = maxRequestLine;
        this.maxHeaders = maxHeaders;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String refusal = exchange.getRequest().getHeaders().getFirst(EdgeRequestGuard.REFUSAL_HEADER);
        if (refusal == null) {
            return chain.filter(exchange);
        }
        return Mono.error(EdgeRefusal.valueOf(refusal).rejection(exchange.getRequest().getMethod().name(),
                maxRequestLine, maxHeaders));
    }

    @Override
    public int getOrder() {
        // Right after the request id is fixed, before anything else looks at the request.
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
