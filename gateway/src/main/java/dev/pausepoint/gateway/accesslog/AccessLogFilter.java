package dev.pausepoint.gateway.accesslog;

import dev.pausepoint.errors.RequestIds;
import dev.pausepoint.errors.logging.SecretMasking;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
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
 * chain are logged with their status too, with the ids of the request: the trace of the server observation
 * WebFlux started for it, and the request id. Paths are cut short and, like every line, masked (response
 * tokens). The client's address is not logged.
 *
 * <p>In the console's pattern format the line is put together by {@link AccessLine} in the same layout,
 * without Logback's pattern layout. With a structured format ({@code LOG_FORMAT}) it goes through Logback,
 * which writes the JSON: Reactor threads carry no MDC of the request, so the ids are put in the MDC around
 * that one call. Either way the logger's level decides whether there is a line.
 */
class AccessLogFilter implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(AccessLine.LOGGER);
    private static final int MAX_PATH = 200;

    /** Null when the line goes through Logback (a structured format). */
    private final AccessLine line;

    AccessLogFilter(AccessLine line) {
        this.line = line;
    }

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

    private void log(ServerWebExchange exchange, HttpStatusCode status, long millis) {
        Span span = ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingContext>get(TracingContext.class)).map(TracingContext::getSpan)
                .orElse(null);
        String traceId = span == null ? null : span.context().traceId();
        String spanId = span == null ? null : span.context().spanId();
        Object requestId = exchange.getAttribute(RequestIds.ATTRIBUTE);
        String path = exchange.getRequest().getPath().value();
        String message = exchange.getRequest().getMethod().name() + " "
                + (path.length() <= MAX_PATH ? path : path.substring(0, MAX_PATH) + "…") + " "
                + (status == null ? "-" : status.value()) + " " + millis + "ms";
        if (line != null) {
            line.write(System.currentTimeMillis(), Thread.currentThread().getName(), traceId, spanId,
                    requestId == null ? null : requestId.toString(), SecretMasking.mask(message));
        } else {
            logThroughLogback(traceId, spanId, requestId, message);
        }
    }

    private static void logThroughLogback(String traceId, String spanId, Object requestId, String message) {
        Map<String, String> before = MDC.getCopyOfContextMap();
        if (traceId != null) {
            MDC.put("traceId", traceId);
            MDC.put("spanId", spanId);
        }
        if (requestId != null) {
            MDC.put(RequestIds.MDC_KEY, requestId.toString());
        }
        try {
            log.info(message);
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
