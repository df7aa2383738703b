package dev.pausepoint.gateway.body;

import dev.pausepoint.gateway.identity.CallerResolver;
import dev.pausepoint.gateway.ratelimit.AddressBuckets;
import dev.pausepoint.identity.CallerIdentity;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyRoutingFilter;
import org.springframework.core.Ordered;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.channel.AbortedException;

/**
 * Forwards a request only once its whole body has arrived, so a service never waits on a client. The
 * services read bodies on a blocking thread (64 per instance); streamed through, a body sent a byte
 * every few seconds held one of them for as long as the client liked (Tomcat's read timeout is per
 * read), and a few dozen such requests from one key stopped every other tenant's calls to that service.
 * Here such a body costs only bytes in the {@link BodyBudget}, and the {@link BodyDeadlineFilter} ends
 * it. The body is forwarded with its Content-Length, also when the client sent it chunked.
 *
 * <p>A global filter, so only requests that passed every limit and have a route are collected.
 */
class WholeBodyFilter implements GlobalFilter, Ordered {

    private final BodyBudget budget;
    private final AddressBuckets addresses;

    WholeBodyFilter(BodyBudget budget, AddressBuckets addresses) {
        this.budget = budget;
        this.addresses = addresses;
    }

    /** Whether the request has a body to read: a positive Content-Length, or a Transfer-Encoding. */
    static boolean hasBody(HttpHeaders headers) {
        return headers.getContentLength() > 0 || headers.containsHeader(HttpHeaders.TRANSFER_ENCODING);
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        if (!hasBody(request.getHeaders())) {
            return chain.filter(exchange);
        }
        CallerIdentity caller = exchange.getAttribute(CallerResolver.CALLER);
        String address = caller == null ? "unknown" : addresses.of(caller.clientIp());
        BodyBuffer body = new BodyBuffer(budget, address, request.getHeaders().getContentLength());
        return request.getBody()
                .doOnNext(body::append)
                .then(Mono.just(true))
                // Nobody is left to answer, and nothing is forwarded.
                .onErrorResume(WholeBodyFilter::clientWentAway, gone -> Mono.just(false))
                .flatMap(whole -> whole ? chain.filter(exchange.mutate().request(withWholeBody(exchange, body)).build())
                        : Mono.empty())
                .doFinally(signal -> body.close());
    }

    /** The client closed or reset its connection before its body was whole. */
    private static boolean clientWentAway(Throwable failure) {
        return failure instanceof AbortedException || AbortedException.isConnectionReset(failure);
    }

    private static ServerHttpRequest withWholeBody(ServerWebExchange exchange, BodyBuffer body) {
        ServerHttpRequest request = exchange.getRequest();
        HttpHeaders sent = request.getHeaders();
        // Most clients send the Content-Length: then the request's headers are already right, and are not
        // copied into a mutated request only to be copied again for the proxied call.
        boolean framedAlready = sent.getContentLength() == body.size()
                && !sent.containsHeader(HttpHeaders.TRANSFER_ENCODING);
        ServerHttpRequest framed = framedAlready ? request : request.mutate().headers(headers -> {
            headers.remove(HttpHeaders.TRANSFER_ENCODING);
            headers.setContentLength(body.size());
        }).build();
        return new ServerHttpRequestDecorator(framed) {
            @Override
            public Flux<DataBuffer> getBody() {
                return Flux.defer(() -> Flux.just(exchange.getResponse().bufferFactory().wrap(body.contents())));
            }
        };
    }

    @Override
    public int getOrder() {
        // Just before the proxied call and the filter that maps its failures.
        return NettyRoutingFilter.ORDER - 2;
    }
}
