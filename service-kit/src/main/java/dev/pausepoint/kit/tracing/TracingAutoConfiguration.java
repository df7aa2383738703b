package dev.pausepoint.kit.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * {@link Spans} over Boot's tracer (Micrometer Tracing on OpenTelemetry). Where tracing is off (Boot's
 * tests switch it off unless asked) the no-op tracer makes every span a no-op and no context is stored.
 */
@AutoConfiguration
public class TracingAutoConfiguration {

    @Bean
    Spans spans(ObjectProvider<Tracer> tracer, ObjectProvider<Propagator> propagator) {
        return new Spans(tracer.getIfAvailable(() -> Tracer.NOOP), propagator.getIfAvailable(() -> Propagator.NOOP));
    }
}
