package dev.pausepoint.gateway.identity;

import dev.pausepoint.identity.CallerIdentity;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Decides who is calling before anything else looks at the request, and keeps the answer on the
 * exchange for the rate limiter and for the signed headers sent downstream.
 */
public class CallerResolver implements WebFilter, Ordered {

    /** Exchange attribute holding the resolved {@link CallerIdentity}. */
    public static final String CALLER = CallerResolver.class.getName() + ".caller";

    private final ClientIpResolver clientIps;

    public CallerResolver(ClientIpResolver clientIps) {
        this.clientIps = clientIps;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getAttributes().put(CALLER, CallerIdentity.anonymous(clientIps.resolve(exchange.getRequest())));
        return chain.filter(exchange);
    }

    @Override
    public int getOrder() {
        // After the request id and the path guard.
        return Ordered.HIGHEST_PRECEDENCE + 30;
    }
}
