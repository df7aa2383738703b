package dev.pausepoint.gateway.routing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler.TracingContext;
import io.micrometer.tracing.propagation.Propagator;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
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
 * replaced, never passed on beside ours: the one copy of the forwarded headers
 * (identity.SignedIdentityFilter) leaves out every {@link #isTraceField trace field}, then this writes the
 * gateway's on that copy.
 */
@Component
public class DownstreamTraceHeader {

    private final Propagator propagator;
    private final List<String> fields;

    DownstreamTraceHeader(ObjectProvider<Propagator> propagator) {
        this.propagator = propagator.getIfAvailable(() -> Propagator.NOOP);
        this.fields = this.propagator.fields();
    }

    /** Whether {@code name} is a header the propagator reads or writes (traceparent, b3, ...), in any case. */
    public boolean isTraceField(String name) {
        for (String field : fields) {
            if (field.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    /** Writes the server span's trace headers on {@code headers}, which must hold no trace field already. */
    public void write(HttpHeaders headers, ServerWebExchange exchange) {
        Span span = ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> context.<TracingContext>get(TracingContext.class)).map(TracingContext::getSpan)
                .orElse(null);
        if (span != null) {
            propagator.inject(span.context(), headers, HttpHeaders::set);
        }
    }
}
