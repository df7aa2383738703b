package dev.pausepoint.gateway.routing;

import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.errors.ValidationException;
import java.util.Optional;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request its one spelling before anything looks at the path, so that what the gateway
 * classifies, limits, signs and routes is what the service will route on. Tomcat and Spring decode
 * a path once and match the text, so {@code /v1/%61uth/login} is the login endpoint there: here it
 * becomes {@code /v1/auth/login} (see {@link PercentEncoding#canonical}) and is forwarded so.
 *
 * <p>Paths a service would read differently from any route are a plain 404: escapes that are not
 * UTF-8 or decode to a control character, dot segments (Tomcat would resolve
 * {@code /v1/pause/../internal/x} to {@code /internal/x}), encoded slashes and backslashes, empty
 * segments and {@code ;} parameters. A query parameter that is not UTF-8 or holds a control character
 * is a validation error naming it. (Targets no URI parser accepts never get here: the edge refuses
 * them while the request is still Netty's.)
 */
@Component
public class CanonicalPathFilter implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String raw = exchange.getRequest().getURI().getRawPath();
        String method = exchange.getRequest().getMethod().name();
        if (raw == null || !raw.startsWith("/") || !PercentEncoding.isWellFormedPath(raw)
                || PercentEncoding.decode(raw).isEmpty()) {
            return Mono.error(notFound(method, raw));
        }
        String canonical = PercentEncoding.canonical(raw);
        if (!isNormal(canonical)) {
            return Mono.error(notFound(method, raw));
        }
        Optional<String> badParameter = unreadableQueryParameter(exchange.getRequest().getURI().getRawQuery());
        if (badParameter.isPresent()) {
            return Mono.error(new ValidationException(badParameter.get(),
                    "must be percent-encoded UTF-8 without control characters"));
        }
        if (canonical.equals(raw)) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(request -> request.path(canonical)).build());
    }

    private static ApiException notFound(String method, String raw) {
        return new ApiException(ErrorCode.NOT_FOUND, "No endpoint " + method + " " + raw + ".");
    }

    /** {@code canonical} has no escape of an unreserved character left, so a dot segment shows as one. */
    static boolean isNormal(String canonical) {
        if (canonical.contains("%2F") || canonical.contains("%5C") || canonical.contains("\\")
                || canonical.contains("//") || canonical.contains(";")) {
            return false;
        }
        for (String segment : canonical.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** The name of the first parameter a service would not read as sent ({@code query} if the name is the problem). */
    static Optional<String> unreadableQueryParameter(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return Optional.empty();
        }
        if (!PercentEncoding.isWellFormedQuery(rawQuery)) {
            return Optional.of("query");
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            Optional<String> name = PercentEncoding.decode(equals < 0 ? pair : pair.substring(0, equals));
            if (name.isEmpty()) {
                return Optional.of("query");
            }
            if (equals >= 0 && PercentEncoding.decode(pair.substring(equals + 1)).isEmpty()) {
                return name;
            }
        }
        return Optional.empty();
    }

    @Override
    public int getOrder() {
        // After the request id and the edge's refusals, before anything looks at the path.
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }
}
