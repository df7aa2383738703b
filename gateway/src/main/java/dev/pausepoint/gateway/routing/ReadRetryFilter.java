package dev.pausepoint.gateway.routing;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ALREADY_ROUTED_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;

import java.net.ConnectException;
import java.net.URI;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A {@code GET} or {@code HEAD} whose connection to the service could not be opened is tried once more:
 * the request never left the gateway, so nothing can happen twice, and the second try is balanced afresh
 * (to the other instance of a service given as several URLs, or through a Service's proxy to another
 * pod), which covers an instance that stopped before the balancer's health check noticed
 * (docs/scale-out.md). Writes are not retried here; a client retries a create with its
 * {@code Idempotency-Key}. Not Spring Cloud Gateway's {@code Retry} filter: that one makes its route cache
 * every request body ahead of {@code body/WholeBodyFilter}, outside its limits and deadline.
 */
@Component
public class ReadRetryFilter implements GlobalFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        HttpMethod method = exchange.getRequest().getMethod();
        if (!HttpMethod.GET.equals(method) && !HttpMethod.HEAD.equals(method)) {
            return chain.filter(exchange);
        }
        URI target = exchange.getRequiredAttribute(GATEWAY_REQUEST_URL_ATTR);
        return chain.filter(exchange).onErrorResume(
                failure -> neverConnected(failure) && !exchange.getResponse().isCommitted(),
                failure -> {
                    exchange.getAttributes().remove(GATEWAY_ALREADY_ROUTED_ATTR);
                    exchange.getAttributes().put(GATEWAY_REQUEST_URL_ATTR, target);
                    return chain.filter(exchange);
                });
    }

    /** A refused connection or one that timed out opening (Netty's is a ConnectException too). */
    private static boolean neverConnected(Throwable failure) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 16; depth++, cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public int getOrder() {
        // After the route's URL is set (lb:// or the service's URL), before the balancer resolves it.
        return ReactiveLoadBalancerClientFilter.LOAD_BALANCER_CLIENT_FILTER_ORDER - 1;
    }
}
