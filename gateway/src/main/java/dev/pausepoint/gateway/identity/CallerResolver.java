package dev.pausepoint.gateway.identity;

import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.gateway.identity.AccessPolicy.Access;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.KeyMode;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Decides who is calling before anything else looks at the request (the documented order of checks:
 * authentication, then rate limits, then validation; docs/api-reference.md, "Pauses"), and keeps the answer
 * on the exchange for the rate limiter and for the signed headers sent downstream. Credentials sent to
 * public routes are ignored. A session acts in the world its {@code PausePoint-Mode} header names
 * ({@link SessionMode}). A credential this instance cannot answer for itself takes its client-IP
 * backstop slot before billing-service is asked, so the per-address limit also bounds the lookups one
 * address can cause.
 */
public class CallerResolver implements WebFilter, Ordered {

    /** Exchange attribute holding the resolved {@link CallerIdentity}. */
    public static final String CALLER = CallerResolver.class.getName() + ".caller";
    /** Exchange attribute holding the request's {@link Access}. */
    public static final String ACCESS = CallerResolver.class.getName() + ".access";

    private final ClientIpResolver clientIps;
    private final CredentialCache credentials;
    private final AddressLimits limits;

    public CallerResolver(ClientIpResolver clientIps, CredentialCache credentials, AddressLimits limits) {
        this.clientIps = clientIps;
        this.credentials = credentials;
        this.limits = limits;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String clientIp = clientIps.resolve(exchange.getRequest());
        Access access = AccessPolicy.classify(exchange.getRequest().getMethod(),
                exchange.getRequest().getPath().value());
        exchange.getAttributes().put(ACCESS, access);
        if (access != Access.CREDENTIAL) {
            exchange.getAttributes().put(CALLER, CallerIdentity.anonymous(clientIp));
            return chain.filter(exchange);
        }
        Optional<BearerCredential> credential = BearerCredential.parse(
                exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION));
        if (credential.isEmpty()) {
            return refuse(exchange, clientIp, "Missing or malformed Authorization header. Send Authorization: "
                    + "Bearer <your pp_live_ or pp_test_ key>.");
        }
        Mono<Void> beforeLookup = Mono.defer(() -> limits.countLookup(exchange, clientIp));
        return credentials.resolve(credential.get(), beforeLookup).flatMap(found -> {
            if (found.isEmpty()) {
                return refuse(exchange, clientIp, "Unknown or rotated credential. Use your current API key, or log "
                        + "in and rotate it.");
            }
            ResolvedCredential resolved = found.get();
            KeyMode mode;
            try {
                mode = SessionMode.of(resolved, exchange.getRequest().getHeaders());
            } catch (ApiException refused) {
                // Counted like a refused credential: a client repeating a bad PausePoint-Mode is held to the
                // address's unauthenticated window instead of costing nothing.
                return limits.countFailure(exchange, clientIp).then(Mono.error(refused));
            }
            exchange.getAttributes().put(CALLER, new CallerIdentity(resolved.developerId(), mode,
                    resolved.plan(), resolved.kind(), clientIp, resolved.accountName()));
            return chain.filter(exchange);
        });
    }

    private Mono<Void> refuse(ServerWebExchange exchange, String clientIp, String message) {
        return limits.countFailure(exchange, clientIp)
                .then(Mono.error(new ApiException(ErrorCode.INVALID_API_KEY, message)));
    }

    @Override
    public int getOrder() {
        // After the request id and the path guard.
        return Ordered.HIGHEST_PRECEDENCE + 30;
    }
}
