package dev.pausepoint.gateway.identity;

import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.RequestSigner;
import dev.pausepoint.identity.TrustHeaders;
import java.util.ArrayList;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * On every routed request: remove whatever {@code X-PausePoint-*} headers the client sent, then add
 * the resolved identity signed for this method and path. A service therefore sees only what the
 * gateway vouches for. The client's {@code Authorization} header is removed too: the signed identity
 * is all a service needs (none reads the header), and an API key or session token that never leaves
 * the gateway cannot turn up in a service's logs, heap dumps or outbound calls.
 */
public class SignedIdentityFilter implements GlobalFilter, Ordered {

    private final RequestSigner signer;

    public SignedIdentityFilter(RequestSigner signer) {
        this.signer = signer;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange.mutate().request(signed(exchange)).build());
    }

    /**
     * The exchange's request as it is forwarded, signed now. A request forwarded again later (a parked
     * long-poll's read after its wait, longpoll/ParkedReadFilter) is signed again: a signature is only
     * accepted for a short while after its timestamp.
     */
    public ServerHttpRequest signed(ServerWebExchange exchange) {
        CallerIdentity caller = exchange.getRequiredAttribute(CallerResolver.CALLER);
        ServerHttpRequest request = exchange.getRequest();
        var signed = signer.signIdentity(caller, request.getMethod().name(), request.getURI().getRawPath());
        return request.mutate().headers(headers -> {
            for (String name : new ArrayList<>(headers.headerNames())) {
                if (TrustHeaders.isTrustHeader(name)) {
                    headers.remove(name);
                }
            }
            headers.remove(HttpHeaders.AUTHORIZATION);
            signed.forEach(headers::set);
        }).build();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
