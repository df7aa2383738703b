package dev.pausepoint.gateway.routing;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ALREADY_ROUTED_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_REQUEST_URL_ATTR;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.TimeoutException;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.ReactiveLoadBalancerClientFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A {@code GET} or {@code HEAD} whose connection to the service failed before any answer (refused, or
 * closed or reset unanswered) is tried once more, balanced afresh: to the other instance of a service
 * given as several URLs (docs/scale-out.md), or through a Kubernetes Service to another pod, which covers
 * an instance that stopped before the balancer's health check noticed and a copy going away in a rolling
 * restart (docs/operations.md, "Kubernetes"). A read changes nothing, so repeating it is safe. Writes are
 * never repeated here (a client retries a create with its {@code Idempotency-Key}); nor are a timeout (a
 * service too slow, not gone), an answered status, or a failure after the answer began.
 *
 * <p>Not Spring Cloud Gateway's {@code Retry} filter: it matches exception classes only, to which a
 * response timeout is one more failure, and it makes its route cache every request body ahead of
 * {@code body/WholeBodyFilter}, outside its limits and deadline.
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
                failure -> !answerStarted(exchange) && isConnectionFailure(failure),
                failure -> {
                    exchange.getAttributes().remove(GATEWAY_ALREADY_ROUTED_ATTR);
                    exchange.getAttributes().put(GATEWAY_REQUEST_URL_ATTR, target);
                    return chain.filter(exchange);
                });
    }

    private static boolean answerStarted(ServerWebExchange exchange) {
        return exchange.getAttribute(ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR) != null
                || exchange.getResponse().isCommitted();
    }

    /** Refused, closed or reset: an I/O failure among the causes, and no timeout among them. */
    public static boolean isConnectionFailure(Throwable failure) {
        boolean io = false;
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 16; depth++, cause = cause.getCause()) {
            if (cause instanceof TimeoutException || cause instanceof io.netty.handler.timeout.TimeoutException
                    || cause instanceof org.springframework.cloud.gateway.support.TimeoutException) {
                return false;
            }
            io |= cause instanceof IOException;
        }
        return io;
    }

    @Override
    public int getOrder() {
        // After the route's URL is set (lb:// or the service's URL), before the balancer resolves it.
        return ReactiveLoadBalancerClientFilter.LOAD_BALANCER_CLIENT_FILTER_ORDER - 1;
    }
}
