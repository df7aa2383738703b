package dev.pausepoint.pause.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.pause.PauseApiTest;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The pause counters count each transition once, by channel and mode, and the sweeper's lateness is timed. */
class PauseMetricsTest extends PauseApiTest {

    @Autowired
    MeterRegistry meters;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PauseTransitions transitions;

    private double count(String name, String mode) {
        var counter = meters.find(name).tags("channel", "sms", "mode", mode).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void createAnswerAndCancelAreCountedOnceEachByChannelAndMode() {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        double created = count("pausepoint.pauses.opened", "test");
        double answered = count("pausepoint.pauses.answered", "test");
        double cancelled = count("pausepoint.pauses.cancelled", "test");
        double liveCreated = count("pausepoint.pauses.opened", "live");
        String key = "metrics-" + UUID.randomUUID();

        String first = client.send("POST", "/v1/pause", "application/json", SMS_PAUSE, caller, "Idempotency-Key", key)
                .json().get("pause_id").asString();
        String replay = client.send("POST", "/v1/pause", "application/json", SMS_PAUSE, caller, "Idempotency-Key", key)
                .json().get("pause_id").asString();
        assertThat(replay).isEqualTo(first);
        assertThat(respond(first).status()).isEqualTo(200);
        assertThat(respond(first).status()).as("already answered").isEqualTo(409);
        String other = createdId(caller, SMS_PAUSE);
        assertThat(client.send("DELETE", "/v1/pause/" + other, null, null, caller).status()).isEqualTo(200);

        assertThat(count("pausepoint.pauses.opened", "test") - created).as("the replay is not a new pause").isEqualTo(2);
        assertThat(count("pausepoint.pauses.answered", "test") - answered).isEqualTo(1);
        assertThat(count("pausepoint.pauses.cancelled", "test") - cancelled).isEqualTo(1);
        assertThat(count("pausepoint.pauses.opened", "live")).as("another mode").isEqualTo(liveCreated);
    }

    /**
     * Each request is timed (http_server_requests_seconds, in docs/observability.md), without a long-task
     * timer of the requests in progress beside it: one more meter per request that nothing reads.
     */
    @Test
    void requestsAreTimedWithoutALongTaskTimerOfThoseInProgress() {
        createdId(developer("free", KeyMode.TEST), SMS_PAUSE);

        assertThat(meters.find("http.server.requests").tag("uri", "/v1/pause").timer()).isNotNull();
        assertThat(meters.find("http.server.requests.active").longTaskTimer()).isNull();
    }

    @Test
    void aTimeoutIsCountedWithHowLongAfterItsExpiryTheSweeperMovedIt() {
        CallerIdentity caller = developer("free", KeyMode.LIVE);
        String id = createdId(caller, SMS_PAUSE);
        double timedOut = count("pausepoint.pauses.timed.out", "live");
        Timer lateness = meters.get("pausepoint.timeout.lateness").timer();
        long before = lateness.count();
        jdbc.sql("UPDATE pause SET expires_at = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now().minusSeconds(90)), id).update();

        transitions.timeOutExpired(500);

        assertThat(count("pausepoint.pauses.timed.out", "live") - timedOut).isEqualTo(1);
        assertThat(lateness.count()).isGreaterThan(before);
        assertThat(lateness.max(TimeUnit.SECONDS)).as("about 90 s late").isBetween(89.0, 300.0);
    }
}
