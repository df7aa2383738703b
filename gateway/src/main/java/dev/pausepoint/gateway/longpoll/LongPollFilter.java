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

/**
 * Admits a long-poll only within two caps, after the rate limiter has counted it: this instance's waits
 * in flight (503 past it; each wait is parked here, {@link ParkedReadFilter}, and costs heap, so the cap
 * follows the heap) and the developer's concurrent waits in this mode across all instances (429 past it).
 * An admitted wait is marked on the exchange ({@link #WAIT_ENDS}, {@link #PAUSE_ID}) for
 * {@link ParkedReadFilter} to hold.
 *
 * <p>Both are given back when the exchange ends, also when the client hangs up: the wait lives only
 * here, so nothing of it outlives the client's connection.
 */
public class LongPollFilter implements WebFilter, Ordered {

    /** When an admitted wait ends (epoch ms of the gateway's clock). */
    static final String WAIT_ENDS = LongPollFilter.class.getName() + ".waitEnds";
    /** The pause an admitted wait is on. */
    static final String PAUSE_ID = LongPollFilter.class.getName() + ".pauseId";

    private final FailoverWaitSlots slots;
    private final LongPollProperties limits;
    private final Clock clock;
    private final int capacity;
    private final Semaphore inFlight;

    public LongPollFilter(FailoverWaitSlots slots, LongPollProperties limits, int capacity, Clock clock) {
        this.slots = slots;
        this.limits = limits;
        this.clock = clock;
        this.capacity = capacity;
        this.inFlight = new Semaphore(capacity);
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
            return Mono.error(new LongPollsBusyException(capacity, limits.busyRetryAfter()));
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
                    exchange.getAttributes().put(WAIT_ENDS, waitEnds);
                    exchange.getAttributes().put(PAUSE_ID, LongPollRequest.pauseId(request.getPath().value()));
                    return chain.filter(exchange).doFinally(signal -> giveBack(claim.store(), key, member));
                })
                .doFinally(signal -> inFlight.release());
    }

    private static void giveBack(WaitSlots store, String key, String member) {
        // Neither store waits for Redis here (RedisWaitSlots gives slots back in batches); a slot that could
        // not be given back lapses on its own.
        store.release(key, member).onErrorResume(error -> Mono.empty()).subscribe();
    }

    /** Waits in flight through this instance now. */
    public int waiters() {
        return capacity - inFlight.availablePermits();
    }

    /** The most waits this instance holds at once. */
    public int capacity() {
        return capacity;
    }

    @Override
    public int getOrder() {
        // After the rate limiter (HIGHEST_PRECEDENCE + 40): a refused request never takes a slot.
        return Ordered.HIGHEST_PRECEDENCE + 45;
    }
}
