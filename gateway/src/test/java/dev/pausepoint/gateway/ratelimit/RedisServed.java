package dev.pausepoint.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Proof that a rate-limit test measured Redis and not the in-memory fallback: taken at the start, checked
 * at the end, it holds when the fallback gauge is 0 and no request in between was decided in memory
 * (the gauge alone would miss a blip that recovered before the end).
 */
public final class RedisServed {

    private final MeterRegistry meters;
    private final double localDecisionsBefore;

    private RedisServed(MeterRegistry meters) {
        this.meters = meters;
        this.localDecisionsBefore = localDecisions(meters);
    }

    public static RedisServed from(MeterRegistry meters) {
        return new RedisServed(meters);
    }

    public void check() {
        assertThat(meters.get("pausepoint.ratelimit.fallback").gauge().value()).as("the fallback gauge").isZero();
        assertThat(localDecisions(meters) - localDecisionsBefore).as("requests decided in memory instead of Redis")
                .isZero();
    }

    private static double localDecisions(MeterRegistry meters) {
        return meters.get("pausepoint.ratelimit.local.decisions").counter().count();
    }
}
