package dev.pausepoint.gateway.routing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import io.micrometer.tracing.propagation.Propagator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Gives the forwarded request the {@code traceparent} of the gateway's server span, so the service's
 * span is its child (docs/tracing-and-logs.md). Spring Cloud Gateway's own way, an observation per
 * proxied call, is switched off ({@code spring.cloud.gateway.server.webflux.observability.enabled}):
 * a second timer and span per request whose only use here was writing this header, several per cent of
 * the gateway's CPU (docs/benchmark.md, "Where the CPU goes"). Trace headers the client sent are
 * replaced, never passed on beside ours.
 */
@Component
class DownstreamTraceHeader implements HttpHeadersFilter, Ordered {

    private final Propagator propagator;
    private final List<String> fields;

    DownstreamTraceHeader(ObjectProvider<Propagator> propagator) {
        this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
        this.fields = this.propagator.fields();
    }

    @Override
    public HttpHeaders filter(HttpHeaders input, ServerWebExchange exchange) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(input);
        fields.forEach(headers::remove);
        Span span = ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingContext>get(TracingContext.class)).map(TracingContext::getSpan)
                .orElse(null);
        if (span != null) {
            propagator.inject(span.context(), headers, HttpHeaders::set);
        }
        return headers;
    }

    @Override
    public boolean supports(Type type) {
        return type == Type.REQUEST;
    }

    @Override
    public int getOrder() {
        // Last, on the headers every other filter has already settled.
        return Ordered.LOWEST_PRECEDENCE;
    }
}
