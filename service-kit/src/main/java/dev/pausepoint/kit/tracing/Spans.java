package dev.pausepoint.kit.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Spans for work that a request or a record started but another thread does later: the current context
 * to store with the work, and a span continuing a stored one around the work, so its log lines carry the
 * trace id and its outbound calls the {@code traceparent}. Unsampled contexts are continued too: their ids
 * are still in the logs and downstream, only their spans are not exported.
 */
public class Spans {

    private final Tracer tracer;
    private final Propagator propagator;

    public Spans(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The current span's context, to store with work done later; null outside any span. */
    public TraceContext current() {
        return contextOf(tracer.currentSpan());
    }

    /** A span's context as its {@code traceparent}; null for none (or where tracing is off). */
    public TraceContext contextOf(Span span) {
        if (span == null) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        propagator.inject(span.context(), carrier, Map::put);
        return TraceContext.parse(carrier.get(TraceContext.HEADER));
    }

    /**
     * Starts (but does not scope) a span continuing {@code parent}, or beginning a trace when it is null.
     * The caller tags it, ends it, and puts it in scope with {@link #inScope}.
     */
    public Span start(String name, Span.Kind kind, TraceContext parent) {
        Span.Builder builder = parent == null
                ? tracer.spanBuilder()
                : propagator.extract(Map.of(TraceContext.HEADER, parent.traceparent()), Map::get);
        return builder.name(name).kind(kind).start();
    }

    /** Runs {@code work} with {@code span} current (log lines, nested spans and outbound calls see it). */
    public <T> T inScope(Span span, Supplier<T> work) {
        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            return work.get();
        } catch (RuntimeException | Error failure) {
            span.error(failure);
            throw failure;
        }
    }

    /**
     * Runs {@code work} in a new span continuing {@code parent}, ended when the work is; the work may tag
     * the span with what it learnt (an outcome, a status).
     */
    public void run(String name, Span.Kind kind, TraceContext parent, Map<String, String> tags, Consumer<Span> work) {
        Span span = start(name, kind, parent);
        tags.forEach(span::tag);
        try {
            inScope(span, () -> {
                work.accept(span);
                return null;
            });
        } finally {
            span.end();
        }
    }
}
