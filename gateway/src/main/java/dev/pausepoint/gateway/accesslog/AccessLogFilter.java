package dev.pausepoint.gateway.accesslog;

import dev.pausepoint.errors.RequestIds;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import java.util.HashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Writes the access line when the answer commits, so refusals rendered by the error handler after the
 * chain are logged with their status too. Reactor threads carry no MDC of the request, so the line's
 * ids are put in the MDC around the one call: the trace of the server observation WebFlux started for
 * the request, and the request id. Paths are cut short and, like every line, masked (response tokens).
 * The client's address is not logged.
 */
class AccessLogFilter implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger("dev.pausepoint.gateway.access");
    private static final int MAX_PATH = 200;

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        if (log.isInfoEnabled()) {
            long started = System.nanoTime();
            ServerHttpResponse response = exchange.getResponse();
            response.beforeCommit(() -> {
                log(exchange, response.getStatusCode(), (System.nanoTime() - started) / 1_000_000);
                return Mono.empty();
            });
        }
        return chain.filter(exchange);
    }

    private static void log(ServerWebExchange exchange, HttpStatusCode status, long millis) {
        Map<String, String> ids = new HashMap<>();
        Span span = ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingContext>get(TracingContext.class)).map(TracingContext::getSpan)
                .orElse(null);
        if (span != null) {
            ids.put("traceId", span.context().traceId());
            ids.put("spanId", span.context().spanId());
        }
        Object requestId = exchange.getAttribute(RequestIds.ATTRIBUTE);
        if (requestId != null) {
            ids.put(RequestIds.MDC_KEY, requestId.toString());
        }
        Map<String, String> before = MDC.getCopyOfContextMap();
        ids.forEach(MDC::put);
        try {
            String path = exchange.getRequest().getPath().value();
            log.info("{} {} {} {}ms", exchange.getRequest().getMethod().name(),
                    path.length() <= MAX_PATH ? path : path.substring(0, MAX_PATH) + "…",
                    status == null ? "-" : status.value(), millis);
        } finally {
            if (before == null) {
                MDC.clear();
            } else {
                MDC.setContextMap(before);
            }
        }
    }

    @Override
    public int getOrder() {
        // After the request id is fixed (ReactiveRequestIdFilter), before anything that may refuse.
        return Ordered.HIGHEST_PRECEDENCE + 1;
    }
}
