package dev.pausepoint.pause.lifecycle;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The pauses' life in numbers, counted once each after its transaction commits, by channel and mode
 * ({@code live} or {@code test}): {@code pausepoint.pauses.opened} (created: Prometheus reserves the
 * suffix {@code _created}), {@code .answered}, {@code .timed.out} and {@code .cancelled}. And how late
 * the sweeper is ({@code pausepoint.timeout.lateness}): from a pause's expiry to the transition that
 * timed it out. docs/observability.md lists them.
 */
@Component
public class PauseMetrics {

    /**
     * Each counter is found in the registry once: registering it again on every create ran the registry's
     * filters (the common tags) and built a new id each time, for a counter already there.
     */
    private record Key(String name, String channel, boolean livemode) {
    }

    private final MeterRegistry meters;
    private final Timer lateness;
    private final Map<Key, Counter> counters = new ConcurrentHashMap<>();

    public PauseMetrics(MeterRegistry meters) {
        this.meters = meters;
        this.lateness = Timer.builder("pausepoint.timeout.lateness")
                .description("From a pause's expiry to the sweeper's transition to timed_out")
                .serviceLevelObjectives(Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5),
                        Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(5))
                .register(meters);
    }

    void created(Pause pause) {
        count("pausepoint.pauses.opened", "Pauses created", pause);
    }

    void answered(Pause pause) {
        count("pausepoint.pauses.answered", "Pauses answered by their human", pause);
    }

    void cancelled(Pause pause) {
        count("pausepoint.pauses.cancelled", "Pauses cancelled by their developer", pause);
    }

    /** {@code at} is when the transition ran; the pause's expiry was due at {@code expiresAt}. */
    void timedOut(Pause pause, Instant at) {
        count("pausepoint.pauses.timed.out", "Pauses timed out by the sweeper", pause);
        lateness.record(Duration.between(pause.expiresAt(), at).isNegative() ? Duration.ZERO
                : Duration.between(pause.expiresAt(), at));
    }

    private void count(String name, String description, Pause pause) {
        counters.computeIfAbsent(new Key(name, pause.channel(), pause.livemode()), key -> Counter.builder(name)
                .description(description)
                .tags("channel", key.channel(), "mode", key.livemode() ? "live" : "test")
                .register(meters)).increment();
    }
}
