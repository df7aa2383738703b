package dev.pausepoint.gateway.longpoll;

import dev.pausepoint.errors.RequestIds;
import dev.pausepoint.gateway.identity.CallerResolver;
import dev.pausepoint.identity.CallerIdentity;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import reactor.core.publisher.SignalType;

/**
 * Admits a long-poll only within two caps, after the rate limiter has counted it: this instance's waits
 * in flight (503 past it, so waits never hold the whole connection pool to pause-service) and the
 * developer's concurrent waits in this mode across all instances (429 past it).
 *
 * <p>The developer's slot is given back when the exchange ends. When the client hangs up first, it is
 * kept until the wait would have ended: the gateway closes its connection to pause-service, but
 * pause-service cannot notice that (Tomcat does not read the socket of a parked request) and keeps the
 * waiter until its wait ends, so releasing at once would let one key stack unlimited orphaned waiters by
 * reconnecting. The instance's count is given back at once: the pooled connection is closed then.
 */
public class LongPollFilter implements WebFilter, Ordered {

    private final FailoverWaitSlots slots;
    private final LongPollProperties limits;
    private final Clock clock;
    private final Semaphore inFlight;

    public LongPollFilter(FailoverWaitSlots slots, LongPollProperties limits, Clock clock) {
        this.slots = slots;
        this.limits = limits;
        this.clock = clock;
        this.inFlight = new Semaphore(limits.maxPerInstance());
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        OptionalInt wait = LongPollRequest.waitSeconds(request.getMethod(), request.getPath().value(),
                request.getQueryParams().get("wait"));
        CallerIdentity caller = exchange.getAttribute(CallerResolver.CALLER);
        if (wait.isEmpty() || caller == null || !caller.authenticated()) {
            return chain.filter(exchange);
        }
        if (!inFlight.tryAcquire()) {
            return Mono.error(new LongPollsBusyException(limits.maxPerInstance(), limits.busyRetryAfter()));
        }
        String key = "lp:" + caller.developerId() + ":" + caller.mode().wire();
        Object requestId = exchange.getAttribute(RequestIds.ATTRIBUTE);
        String member = (requestId == null ? "req" : requestId) + ":" + UUID.randomUUID();
        long now = clock.millis();
        long waitEnds = now + wait.getAsInt() * 1000L;
        return slots.claim(key, member, now, waitEnds + limits.slotGrace().toMillis(), limits.maxPerDeveloper())
                .flatMap(claim -> {
                    if (!claim.granted()) {
                        long oldestWaitEnds = claim.earliestLapse() - limits.slotGrace().toMillis();
                        return Mono.<Void>error(new TooManyWaitsException(limits.maxPerDeveloper(),
                                Duration.ofMillis(oldestWaitEnds - now)));
                    }
                    return chain.filter(exchange)
                            .doFinally(signal -> giveBack(claim.store(), key, member, signal, waitEnds));
                })
                .doFinally(signal -> inFlight.release());
    }

    private void giveBack(WaitSlots store, String key, String member, SignalType signal, long waitEnds) {
        Duration keep = signal == SignalType.CANCEL ? Duration.ofMillis(Math.max(0, waitEnds - clock.millis()))
                : Duration.ZERO;
        Mono.delay(keep)
                .then(store.release(key, member).timeout(Duration.ofSeconds(2)))
                // A slot that could not be given back lapses on its own.
                .onErrorResume(error -> Mono.empty())
                .subscribe();
    }

    /** Waits in flight through this instance now. */
    public int inFlight() {
        return limits.maxPerInstance() - inFlight.availablePermits();
    }

    @Override
    public int getOrder() {
        // After the rate limiter (HIGHEST_PRECEDENCE + 40): a refused request never takes a slot.
        return Ordered.HIGHEST_PRECEDENCE + 45;
    }
}
