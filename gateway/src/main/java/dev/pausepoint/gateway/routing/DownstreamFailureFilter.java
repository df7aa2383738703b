package dev.pausepoint.gateway.routing;

import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * A forwarded request whose service fails before answering is 503 {@code SERVICE_UNAVAILABLE}, however
 * it failed: refused connection, timeout, or a process that died with the request in flight and closed
 * or reset the connection (Reactor Netty's {@code PrematureCloseException}, a connection reset). Nothing
 * of ours runs in this leg, so such a failure is the service's unavailability, never the gateway's bug.
 * Whether the service acted on the request before it died is unknown; the client retries (a create
 * with its {@code Idempotency-Key}).
 *
 * <p>A read ({@code GET}, {@code HEAD}) whose connection fails before any answer is first sent once
 * more. During a rolling restart a request can still reach a copy that is going away: its connection is
 * refused, or closed or reset unanswered (a long-poll cut at the end of the copy's shutdown). The second
 * attempt opens a new connection, which the Kubernetes Service sends to a copy that is up. A read
 * changes nothing, so repeating it is safe; a write is never repeated here. A timeout (a service too
 * slow, not gone), any answered status and a failure after the answer began are never retried. Spring
 * Cloud Gateway's {@code Retry} filter matches exception classes only, to which a response timeout is
 * one more failure, hence this predicate (docs/operations.md, "Kubernetes").
 */
@Component
public class DownstreamFailureFilter implements GlobalFilter, Ordered {

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD);

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Mono<Void> forwarded = Mono.defer(() -> chain.filter(exchange));
        if (READS.contains(exchange.getRequest().getMethod())) {
            forwarded = forwarded.retryWhen(Retry.max(1)
                    .filter(failure -> !answerStarted(exchange) && isConnectionFailure(failure))
                    .doBeforeRetry(signal -> ServerWebExchangeUtils.reset(exchange)));
        }
        return forwarded.onErrorMap(DownstreamFailureFilter::isServiceFailure,
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

    private static boolean answerStarted(ServerWebExchange exchange) {
        return exchange.getAttribute(ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR) != null
                || exchange.getResponse().isCommitted();
    }

    /** Refused, closed or reset: an I/O failure among the causes, and no timeout among them. */
    static boolean isConnectionFailure(Throwable failure) {
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
        // Around the proxied call only.
        return NettyRoutingFilter.ORDER - 1;
    }
}
