package dev.pausepoint.gateway.routing;

import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses paths that a service would read differently from the route that matched them. Routing
 * matches the raw path, but Tomcat downstream normalises it, so {@code /v1/pause/../internal/x} would
 * match a public route and land on {@code /internal/x}. Dot segments, encoded dots, slashes and
 * backslashes, and empty segments are therefore a plain 404.
 */
@Component
public class NormalizedPathFilter implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String raw = exchange.getRequest().getURI().getRawPath();
        if (!isNormal(raw)) {
            return Mono.error(new ApiException(ErrorCode.NOT_FOUND,
                    "No endpoint " + exchange.getRequest().getMethod().name() + " " + raw + "."));
        }
        return chain.filter(exchange);
    }

    static boolean isNormal(String rawPath) {
        if (rawPath == null || rawPath.isEmpty() || rawPath.charAt(0) != '/') {
            return false;
        }
        String lower = rawPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c") || lower.contains("\\")
                || lower.contains("//") || lower.contains(";")) {
            return false;
        }
        for (String segment : rawPath.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int getOrder() {
        // After the request id, before anything looks at the path.
        return Ordered.HIGHEST_PRECEDENCE + 5;
    }
}
