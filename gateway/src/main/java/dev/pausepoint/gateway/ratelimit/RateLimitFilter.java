package dev.pausepoint.gateway.ratelimit;

import dev.pausepoint.errors.RequestIds;
import dev.pausepoint.gateway.identity.AccessPolicy.Access;
import dev.pausepoint.gateway.identity.AddressLimits;
import dev.pausepoint.gateway.identity.CallerResolver;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.CredentialKind;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Applies the layered sliding windows after authentication. Which layers count a request follows from
 * its {@link Access}: an authenticated request counts against its key (developer and mode, so rotating
 * a key does not reset its window) and against the client IP backstop; register, login and password
 * reset against the strict per-IP window; the other public routes against the unauthenticated per-IP
 * window; provider callbacks against their own high per-IP ceiling. A request whose credential had to
 * be looked up took its backstop slot before the lookup ({@link #countLookup}), so here it counts
 * against its key alone: every request still counts once in each layer.
 */
public class RateLimitFilter implements WebFilter, AddressLimits, Ordered {

    /** Exchange attribute: the backstop's decision, when the request was counted there before a lookup. */
    private static final String BACKSTOP = RateLimitFilter.class.getName() + ".backstop";

    private final SlidingWindowLimiter limiter;
    private final RateLimitProperties limits;
    private final AddressBuckets buckets;
    private final Clock clock;
    private final RateLimitMetrics metrics;

    RateLimitFilter(SlidingWindowLimiter limiter, RateLimitProperties limits, AddressBuckets buckets, Clock clock,
            RateLimitMetrics metrics) {
        this.limiter = limiter;
        this.limits = limits;
        this.buckets = buckets;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        Access access = exchange.getAttribute(CallerResolver.ACCESS);
        CallerIdentity caller = exchange.getAttribute(CallerResolver.CALLER);
        Decision backstop = exchange.getAttribute(BACKSTOP);
        List<Layer> layers = layers(access, caller, backstop != null);
        if (layers.isEmpty()) {
            return chain.filter(exchange);
        }
        return check(layers, exchange).flatMap(decision -> {
            Decision tightest = backstop != null && backstop.remaining() < decision.remaining() ? backstop : decision;
            headers(tightest).forEach(exchange.getResponse().getHeaders()::set);
            return chain.filter(exchange);
        });
    }

    @Override
    public Mono<Void> countLookup(ServerWebExchange exchange, String clientIp) {
        return check(List.of(backstop(clientIp)), exchange)
                .doOnNext(decision -> exchange.getAttributes().put(BACKSTOP, decision))
                .then();
    }

    @Override
    public Mono<Void> countFailure(ServerWebExchange exchange, String clientIp) {
        return check(List.of(unauthenticated(clientIp)), exchange).then();
    }

    private Mono<Decision> check(List<Layer> layers, ServerWebExchange exchange) {
        Object requestId = exchange.getAttribute(RequestIds.ATTRIBUTE);
        String member = (requestId == null ? "req" : requestId) + ":" + UUID.randomUUID();
        return limiter.check(layers, clock.millis(), member).doOnNext(metrics::decided)
                .flatMap(decision -> decision.allowed()
                        ? Mono.just(decision)
                        : Mono.error(new RateLimitedException(decision, limits.window())));
    }

    private List<Layer> layers(Access access, CallerIdentity caller, boolean backstopCounted) {
        if (access == null || caller == null) {
            return List.of();
        }
        return switch (access) {
            case CREDENTIAL -> {
                Layer key = new Layer("rl:key:" + caller.developerId() + ":"
                        + (caller.credential() == CredentialKind.SESSION ? "session" : caller.mode().wire()),
                        limits.apiKeyLimit(caller.plan()),
                        caller.credential() == CredentialKind.SESSION ? "this session" : "this API key");
                yield backstopCounted ? List.of(key) : List.of(key, backstop(caller.clientIp()));
            }
            case AUTH_ENDPOINT -> List.of(new Layer("rl:auth:" + buckets.of(caller.clientIp()),
                    limits.authEndpoints(), "sign-up, login and password reset from this IP address"));
            case PUBLIC -> List.of(unauthenticated(caller.clientIp()));
            case PROVIDER_CALLBACK -> List.of(new Layer("rl:callback:" + buckets.of(caller.clientIp()),
                    limits.providerCallbacks(), "provider callbacks from this IP address"));
        };
    }

    private Layer backstop(String clientIp) {
        return new Layer("rl:ip:" + buckets.of(clientIp), limits.clientIp(), "this IP address");
    }

    private Layer unauthenticated(String clientIp) {
        return new Layer("rl:anon:" + buckets.of(clientIp), limits.unauthenticated(),
                "unauthenticated requests from this IP address");
    }

    static Map<String, String> headers(Decision decision) {
        return Map.of("X-RateLimit-Limit", String.valueOf(decision.layer().limit()),
                "X-RateLimit-Remaining", String.valueOf(Math.max(0, decision.remaining())),
                "X-RateLimit-Reset", String.valueOf(decision.resetSeconds()));
    }

    @Override
    public int getOrder() {
        // Right after the caller is known.
        return Ordered.HIGHEST_PRECEDENCE + 40;
    }
}
