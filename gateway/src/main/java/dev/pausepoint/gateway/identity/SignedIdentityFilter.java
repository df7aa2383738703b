package dev.pausepoint.gateway.identity;

import dev.pausepoint.errors.RequestIds;
import dev.pausepoint.gateway.routing.DownstreamTraceHeader;
import dev.pausepoint.gateway.routing.DownstreamServices;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.RequestSigner;
import dev.pausepoint.identity.TrustHeaders;
import java.util.ArrayList;
import java.util.List;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.route.Route;
import org.springframework.cloud.gateway.support.ServerWebExchangeUtils;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;

/**
 * Builds the forwarded request's headers in one copy of the client's: without whatever {@code X-PausePoint-*}
 * headers the client sent, then with the resolved identity signed for this method and path. A service
 * therefore sees only what the gateway vouches for. The client's {@code Authorization} header is removed
 * too: the signed identity is all a service needs (none reads the header), and an API key or session token
 * that never leaves the gateway cannot turn up in a service's logs, heap dumps or outbound calls. So is
 * {@code PausePoint-Mode}: the signed mode is the world the gateway decided on. The one exception is the route
 * to the MCP server ({@code /mcp}): it acts as the caller's agent and calls the public API back through the
 * gateway with the caller's own key, so every plan rule and limit applies to it; it gets that key, and no
 * other service does (docs/trust-boundary.md).
 *
 * <p>The same copy leaves out what Spring Cloud Gateway's own request header filters would each have
 * removed in a copy of their own ({@link FoldedHeaderFilters} takes them out of the chain): the client's
 * {@code Forwarded} and {@code X-Forwarded-*} headers (services learn the client from the signed identity,
 * docs/trust-boundary.md), the hop-by-hop headers and those the client's {@code Connection} header names,
 * and a {@code Content-Length} beside {@code Transfer-Encoding: chunked}. Trace headers the client sent are
 * replaced by the gateway's ({@link DownstreamTraceHeader}), its {@code X-Request-Id} by the request id the
 * gateway fixed (common-errors' {@code ReactiveRequestIdFilter} keeps it on the exchange instead of in a
 * mutated copy of the request, one more copy of every header). Each of those copies lower-cased every name into
 * a new map (docs/benchmark.md, "Where the CPU goes"); names are compared here without changing case.
 *
 * <p>Applied to the headers of the forwarded request as Spring Cloud Gateway builds them, not by mutating
 * the exchange's request. The filters before the routing call therefore still see the client's headers,
 * and a request forwarded more than once (a retried read, routing/ReadRetryFilter; a parked long-poll's
 * read after its wait, longpoll/ParkedReadFilter) is signed afresh each time: a signature is accepted only
 * for a short while after its timestamp.
 */
public class SignedIdentityFilter implements HttpHeadersFilter, Ordered {

    /** RFC 9110's connection-specific headers, and those that only a proxy's own hop may use. */
    private static final List<String> HOP_BY_HOP = List.of(HttpHeaders.CONNECTION, "Keep-Alive",
            HttpHeaders.TRANSFER_ENCODING, HttpHeaders.TE, HttpHeaders.TRAILER, HttpHeaders.PROXY_AUTHORIZATION,
            HttpHeaders.PROXY_AUTHENTICATE, HttpHeaders.UPGRADE, "X-Application-Context");
    private static final String FORWARDED = "Forwarded";
    private static final String X_FORWARDED = "X-Forwarded-";

    private final RequestSigner signer;
    private final DownstreamTraceHeader trace;

    public SignedIdentityFilter(RequestSigner signer, DownstreamTraceHeader trace) {
        this.signer = signer;
        this.trace = trace;
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        CallerIdentity caller = exchange.getRequiredAttribute(CallerResolver.CALLER);
        ServerHttpRequest request = exchange.getRequest();
        var signed = signer.signIdentity(caller, request.getMethod().name(), request.getURI().getRawPath());
        List<String> connectionOptions = connectionOptions(input);
        boolean chunked = isChunked(input);
        Route route = exchange.getAttribute(ServerWebExchangeUtils.GATEWAY_ROUTE_ATTR);
        boolean keepsCredential = route != null && DownstreamServices.MCP_SERVER.equals(route.getId());
        HttpHeaders forwarded = new HttpHeaders();
        input.forEach((name, values) -> {
            if ((!isLeftOut(name, connectionOptions)
                    || keepsCredential && HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name))
                    && !(chunked && HttpHeaders.CONTENT_LENGTH.equalsIgnoreCase(name))) {
                forwarded.addAll(name, values);
            }
        });
        signed.forEach(forwarded::set);
        Object requestId = exchange.getAttribute(RequestIds.ATTRIBUTE);
        if (requestId != null) {
            forwarded.set(RequestIds.HEADER, requestId.toString());
        }
        trace.write(forwarded, exchange);
        return forwarded;
    }

    private boolean isLeftOut(String name, List<String> connectionOptions) {
        return TrustHeaders.isTrustHeader(name) || HttpHeaders.AUTHORIZATION.equalsIgnoreCase(name)
                || RequestIds.HEADER.equalsIgnoreCase(name) || SessionMode.HEADER.equalsIgnoreCase(name)
                || name.regionMatches(true, 0, X_FORWARDED, 0, X_FORWARDED.length())
                || FORWARDED.equalsIgnoreCase(name) || containsIgnoringCase(HOP_BY_HOP, name)
                || containsIgnoringCase(connectionOptions, name) || trace.isTraceField(name);
    }

    /** The names a {@code Connection} header lists (RFC 9110, 7.6.1): headers for this hop alone. */
    private static List<String> connectionOptions(HttpHeaders headers) {
        List<String> values = headers.get(HttpHeaders.CONNECTION);
        if (values == null) {
            return List.of();
        }
        List<String> options = new ArrayList<>();
        for (String value : values) {
            for (String option : value.split(",")) {
                if (!option.isBlank()) {
                    options.add(option.trim());
                }
            }
        }
        return options;
    }

    /** The framing Netty reads the body by; a {@code Content-Length} beside it is not the body's length. */
    private static boolean isChunked(HttpHeaders headers) {
        String encoding = headers.getFirst(HttpHeaders.TRANSFER_ENCODING);
        return encoding != null && encoding.trim().equalsIgnoreCase("chunked");
    }

    private static boolean containsIgnoringCase(List<String> names, String name) {
        for (String candidate : names) {
            if (candidate.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
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
