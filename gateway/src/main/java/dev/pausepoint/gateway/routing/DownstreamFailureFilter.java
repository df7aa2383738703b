package dev.pausepoint.gateway.routing;

import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A forwarded request whose service fails before answering is 503 {@code SERVICE_UNAVAILABLE}, however
 * it failed: refused connection, timeout, or a process that died with the request in flight and closed
 * or reset the connection (Reactor Netty's {@code PrematureCloseException}, a connection reset). Nothing
 * of ours runs in this leg, so such a failure is the service's unavailability, never the gateway's bug.
 * Whether the service acted on the request before it died is unknown; the client retries (a create
 * with its {@code Idempotency-Key}).
 *
 * <p>{@link ReadRetryFilter}, around this one, sends a read whose connection failed unanswered once more
 * before its 503 reaches the client.
 */
@Component
public class DownstreamFailureFilter implements GlobalFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        return chain.filter(exchange).onErrorMap(DownstreamFailureFilter::isServiceFailure,
                failure -> new ApiException(ErrorCode.SERVICE_UNAVAILABLE,
                        "A service needed for this request is unavailable; try again shortly.", failure));
    }

    private static boolean isServiceFailure(Throwable failure) {
        // Our own refusals (a body over the limit while it streams) and statuses already chosen stay.
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 16; depth++, cause = cause.getCause()) {
            if (cause instanceof ApiException || cause instanceof ErrorResponse) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int getOrder() {
        // Around the proxied call only.
        return NettyRoutingFilter.ORDER - 1;
    }
}
