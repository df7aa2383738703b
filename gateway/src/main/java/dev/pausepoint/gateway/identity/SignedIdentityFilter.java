package dev.pausepoint.gateway.identity;

import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.RequestSigner;
import dev.pausepoint.identity.TrustHeaders;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * On every routed request: remove whatever {@code X-PausePoint-*} headers the client sent, then add
 * the resolved identity signed for this method and path. A service therefore sees only what the
 * gateway vouches for. The client's {@code Authorization} header is removed too: the signed identity
 * is all a service needs (none reads the header), and an API key or session token that never leaves
 * the gateway cannot turn up in a service's logs, heap dumps or outbound calls.
 *
 * <p>Applied to the headers of the forwarded request as Spring Cloud Gateway builds them, not by mutating
 * the exchange's request: the headers are copied once here instead of once more for a mutated request
 * (docs/benchmark.md, "Where the CPU goes"). The filters before the routing call therefore still see the
 * client's headers, and a request forwarded more than once (a retried read, routing/ReadRetryFilter; a
 * parked long-poll's read after its wait, longpoll/ParkedReadFilter) is signed afresh each time: a
 * signature is accepted only for a short while after its timestamp.
 */
public class SignedIdentityFilter implements HttpHeadersFilter, Ordered {

    private final RequestSigner signer;

    public SignedIdentityFilter(RequestSigner signer) {
        this.signer = signer;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        CallerIdentity caller = exchange.getRequiredAttribute(CallerResolver.CALLER);
        ServerHttpRequest request = exchange.getRequest();
        var signed = signer.signIdentity(caller, request.getMethod().name(), request.getURI().getRawPath());
        HttpHeaders forwarded = new HttpHeaders();
        input.forEach((name, values) -> {
            if (!TrustHeaders.isTrustHeader(name) && !HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name)) {
                forwarded.addAll(name, values);
            }
        });
        signed.forEach(forwarded::set);
        return forwarded;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.REQUEST;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
