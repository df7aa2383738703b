package dev.pausepoint.gateway.longpoll;

import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CLIENT_RESPONSE_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.CLIENT_RESPONSE_CONN_ATTR;
import static org.springframework.cloud.gateway.support.ServerWebExchangeUtils.GATEWAY_ALREADY_ROUTED_ATTR;

import dev.pausepoint.gateway.identity.CallerResolver;
import dev.pausepoint.identity.CallerIdentity;
import java.time.Clock;
import java.time.Duration;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Holds a long-poll admitted by {@link LongPollFilter} in this gateway alone. pause-service answers
 * every read at once (it still validates {@code wait}, so a bad one is its 422 as before); this filter
 * registers the waiter for the pause, reads it, and answers with that read unless it is a 200 whose
 * status is pending (a 404 for another developer's pause, a 422, a finished pause: at once). A pending
 * pause parks the request with no thread and no connection to pause-service until a change to that pause
 * is heard ({@link PauseEventWakes}) or the wait ends, then reads again: a change answers with the new
 * state; an end of the wait with whatever the read says then. The read after a wake goes with the other
 * reads woken then, in one call to pause-service ({@link WokenReads}); only a pause that call does not
 * give is read through the route. A wake that finds the pause still pending
 * (its creation event arriving late) parks it again for the rest of the wait, so the answer still comes
 * only on a change or at the end of the wait.
 *
 * <p>It sits before Spring Cloud Gateway's {@link NettyWriteResponseFilter}, so each read runs the rest
 * of the chain, balancing and the proxied call included, into a {@link CapturedAnswer}; the chosen read
 * ({@link ReadAnswer}: such a one, or a pause from the batch of woken reads) is then written to the client.
 */
class ParkedReadFilter implements GlobalFilter, Ordered {

    private final PauseWakes wakes;
    private final WokenReads wokenReads;
    private final Clock clock;

    ParkedReadFilter(PauseWakes wakes, WokenReads wokenReads, Clock clock) {
        this.wakes = wakes;
        this.wokenReads = wokenReads;
        this.clock = clock;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        Long waitEnds = exchange.getAttribute(LongPollFilter.WAIT_ENDS);
        String pauseId = exchange.getAttribute(LongPollFilter.PAUSE_ID);
        if (waitEnds == null || pauseId == null) {
            return chain.filter(exchange);
        }
        return readUntilChanged(exchange, chain, pauseId, waitEnds, false)
                .flatMap(answer -> answer.writeTo(exchange.getResponse()));
    }

    /**
     * Registers, reads, and waits for a change while the answer is pending and the wait lasts. The read
     * after a wake is made with the others woken then, in one call ({@link WokenReads}); a pause that call
     * does not give is read through the route as any other read.
     */
    private Mono<ReadAnswer> readUntilChanged(ServerWebExchange exchange, GatewayFilterChain chain, String pauseId,
            long waitEnds, boolean afterWake) {
        return Mono.defer(() -> {
            PauseWakes.Waiter waiter = wakes.register(pauseId);
            Mono<ReadAnswer> current = afterWake ? readWoken(exchange, chain, pauseId) : read(exchange, chain);
            return current.flatMap(answer -> {
                long left = waitEnds - clock.millis();
                if (left <= 0 || !answer.pending()) {
                    return Mono.just(answer);
                }
                return waiter.woken().thenReturn(true)
                        .or(Mono.delay(Duration.ofMillis(left)).thenReturn(false))
                        .flatMap(woken -> woken ? readUntilChanged(exchange, chain, pauseId, waitEnds, true)
                                : read(exchange, chain));
            }).doFinally(signal -> wakes.remove(pauseId, waiter));
        });
    }

    /** The pause as the batch of woken reads gives it, as this waiter's identity scopes it, or its own read. */
    private Mono<ReadAnswer> readWoken(ServerWebExchange exchange, GatewayFilterChain chain, String pauseId) {
        CallerIdentity caller = exchange.getAttribute(CallerResolver.CALLER);
        return wokenReads.read(pauseId, caller)
                .map(woken -> ReadAnswer.woken(HttpStatus.OK, woken.headers(), woken.body()))
                .switchIfEmpty(read(exchange, chain));
    }

    /** One pass through the rest of the chain to pause-service, answered into a captured response. */
    private Mono<ReadAnswer> read(ServerWebExchange exchange, GatewayFilterChain chain) {
        return Mono.defer(() -> {
            CapturedAnswer answer = new CapturedAnswer(exchange.getResponse().bufferFactory());
            // As for a retried read (routing/ReadRetryFilter): the proxied call runs only when not yet routed,
            // and an earlier read's answer must not look like this one's (ReadRetryFilter retries only unanswered).
            forgetRead(exchange);
            // Nothing of a finished read stays on the exchange while it waits (the client response, its connection).
            // Each pass through the routing call is signed anew as it is sent (identity.SignedIdentityFilter
            // is applied to the forwarded headers), so the read after a 30 s wait carries a fresh signature.
            return chain.filter(exchange.mutate().response(answer).build())
                    .then(Mono.fromSupplier(() -> ReadAnswer.of(answer)))
                    .doOnSuccess(done -> forgetRead(exchange));
        });
    }

    private static void forgetRead(ServerWebExchange exchange) {
        exchange.getAttributes().remove(GATEWAY_ALREADY_ROUTED_ATTR);
        exchange.getAttributes().remove(CLIENT_RESPONSE_ATTR);
        exchange.getAttributes().remove(CLIENT_RESPONSE_CONN_ATTR);
    }

    @Override
    public int getOrder() {
        return NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1;
    }
}
