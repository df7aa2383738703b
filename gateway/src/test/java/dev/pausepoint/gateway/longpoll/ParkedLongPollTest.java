package dev.pausepoint.gateway.longpoll;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pausepoint.events.Event;
import dev.pausepoint.events.EventIds;
import dev.pausepoint.events.Topics;
import dev.pausepoint.events.pause.PauseResponded;
import dev.pausepoint.gateway.AnotherGateway;
import dev.pausepoint.gateway.GatewayIntegrationTest;
import dev.pausepoint.identity.TrustHeaders;
import dev.pausepoint.testsupport.embedded.FreePorts;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Long-polls parked in the gateway on real Kafka, with a pause-service stub that answers every read at
 * once, as the real one now does. A change is a new stub answer; a wake is a real pause event on
 * {@value Topics#PAUSE_EVENTS}. Waits are 12 s (under the test client's 15 s timeout) and every wake-up
 * is bounded well under that, so a wake that is missed shows as a late answer, not as a pass.
 */
class ParkedLongPollTest extends GatewayIntegrationTest {

    static final int WAIT_SECONDS = 12;
    /** Generous for a loaded two-core machine, and far below the wait a missed wake costs. */
    static final Duration WAKE_BOUND = Duration.ofSeconds(6);

    private static final String PENDING = "{\"pause_id\":\"%s\",\"status\":\"pending\"}";
    private static final String RESPONDED = "{\"pause_id\":\"%s\",\"status\":\"responded\",\"response\":{\"choice\":\"Yes\"}}";

    @Autowired
    KafkaTemplate<String, Event> kafka;

    @Autowired
    PauseEventWakes pauseEventWakes;

    @Autowired
    PauseWakes wakes;

    @Autowired
    MeterRegistry meters;

    private String key;

    @BeforeEach
    void hearingPauseEvents() throws Exception {
        // The first event creates the topic in the test broker (pause-service creates it in a stack).
        publish("psr_nobody_waits");
        await().atMost(Duration.ofSeconds(30)).until(pauseEventWakes::listening);
        key = LongPollLimitTest.newDeveloperKey("dev_" + UUID.randomUUID(), "test");
    }

    private void publish(String pauseId) throws Exception {
        kafka.send(Topics.PAUSE_EVENTS, pauseId, responded(pauseId)).get(10, TimeUnit.SECONDS);
    }

    /** A pause event for {@code pauseId}; only its key wakes anyone. */
    static Event responded(String pauseId) {
        return new PauseResponded(EventIds.newEventId(), EventIds.now(Clock.systemUTC()), Event.SCHEMA_VERSION, pauseId,
                "dev_any", false, "Yes", null, EventIds.now(Clock.systemUTC()), Map.of(), "192.0.2.1", "test");
    }

    private static void answers(String pauseId, String body) {
        stubs("pause-service").stubFor(get(urlPathEqualTo("/v1/pause/" + pauseId)).willReturn(okJson(body.formatted(pauseId))));
    }

    private static int reads(String pauseId) {
        return stubs("pause-service").findAll(getRequestedFor(urlPathEqualTo("/v1/pause/" + pauseId))).size();
    }

    private double waiters() {
        return meters.get("pausepoint.longpoll.waiters").gauge().value();
    }

    record Timed(HttpResponse<String> reply, long arrivedNanos) {
        Duration after(long nanos) {
            return Duration.ofNanos(arrivedNanos - nanos);
        }
    }

    private CompletableFuture<Timed> longPoll(String pauseId, int seconds) {
        return longPoll(port, pauseId, seconds);
    }

    private CompletableFuture<Timed> longPoll(int gatewayPort, String pauseId, int seconds) {
        return CompletableFuture.supplyAsync(() -> new Timed(call(gatewayPort, "GET", "/v1/pause/" + pauseId + "?wait="
                + seconds, "Authorization", "Bearer " + key), System.nanoTime()));
    }

    private static String newPauseId() {
        return "psr_" + UUID.randomUUID().toString().replace("-", "");
    }

    @Test
    void aParkedWaitIsAnsweredOnThePauseEventAndNotBefore() throws Exception {
        String id = newPauseId();
        answers(id, PENDING);
        CompletableFuture<Timed> parked = longPoll(id, WAIT_SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> reads(id) == 1 && waiters() >= 1);
        assertThat(stubs("pause-service").findAll(getRequestedFor(urlPathEqualTo("/v1/pause/" + id))).get(0).queryParameter("wait")
                .firstValue()).as("forwarded as sent, for pause-service to validate").isEqualTo(String.valueOf(WAIT_SECONDS));

        answers(id, RESPONDED);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> !parked.isDone());
        assertThat(reads(id)).as("parked without polling pause-service: only the event may wake it").isEqualTo(1);

        publish(id);
        long published = System.nanoTime();
        Timed woken = parked.get(WAIT_SECONDS + 10, TimeUnit.SECONDS);
        assertThat(woken.reply().statusCode()).isEqualTo(200);
        assertThat(woken.reply().body()).contains("\"status\":\"responded\"");
        assertThat(woken.after(published)).as("woken by the event, not by the end of the wait").isLessThan(WAKE_BOUND);
        assertThat(reads(id)).as("one read more, after the wake").isEqualTo(2);
        await().atMost(Duration.ofSeconds(5)).until(() -> wakes.pausesWaitedOn() == 0);
    }

    @Test
    void aWakeWhileTheFirstReadIsInFlightIsNotLost() throws Exception {
        String id = newPauseId();
        // The first read is answered "pending" late; the pause changes, and its event arrives, meanwhile.
        stubs("pause-service").stubFor(get(urlPathEqualTo("/v1/pause/" + id))
                .willReturn(okJson(PENDING.formatted(id)).withFixedDelay(3000)));
        CompletableFuture<Timed> parked = longPoll(id, WAIT_SECONDS);
        await().atMost(Duration.ofSeconds(10)).until(() -> reads(id) == 1);
        answers(id, RESPONDED);
        publish(id);
        long published = System.nanoTime();

        Timed woken = parked.get(WAIT_SECONDS + 10, TimeUnit.SECONDS);
        assertThat(woken.reply().body()).contains("\"status\":\"responded\"");
        assertThat(woken.after(published)).as("the waiter was registered before its first read, so the event "
                + "that came during the read still woke it").isLessThan(WAKE_BOUND);
    }

    @Test
    void withoutAChangeTheWaitEndsWithThePendingStateReadThen() throws Exception {
        String id = newPauseId();
        answers(id, PENDING);
        long asked = System.nanoTime();
        Timed ended = longPoll(id, 2).get(20, TimeUnit.SECONDS);
        assertThat(ended.reply().statusCode()).isEqualTo(200);
        assertThat(ended.reply().body()).contains("\"status\":\"pending\"");
        assertThat(ended.after(asked)).as("held for its wait").isGreaterThanOrEqualTo(Duration.ofMillis(1900));
        List<LoggedRequest> reads = stubs("pause-service").findAll(getRequestedFor(urlPathEqualTo("/v1/pause/" + id)));
        assertThat(reads).as("read when it came and when its wait ended").hasSize(2);
        assertThat(Long.parseLong(reads.get(1).getHeader(TrustHeaders.TIMESTAMP)))
                .as("the read after the wait is signed anew: a signature is accepted only briefly after it is made")
                .isGreaterThan(Long.parseLong(reads.get(0).getHeader(TrustHeaders.TIMESTAMP)));
        await().atMost(Duration.ofSeconds(5)).until(() -> wakes.pausesWaitedOn() == 0 && waiters() == 0);
    }

    @Test
    void anyOtherAnswerIsReturnedAtOnceWithoutParking() throws Exception {
        String other = newPauseId();
        String notFound = "{\"error\":\"NOT_FOUND\",\"message\":\"No pause " + other + ".\",\"status_code\":404}";
        stubs("pause-service").stubFor(get(urlPathEqualTo("/v1/pause/" + other)).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json").withBody(notFound)));
        String finished = newPauseId();
        answers(finished, RESPONDED);

        long asked = System.nanoTime();
        Timed missing = longPoll(other, WAIT_SECONDS).get(WAIT_SECONDS + 10, TimeUnit.SECONDS);
        Timed done = longPoll(finished, WAIT_SECONDS).get(WAIT_SECONDS + 10, TimeUnit.SECONDS);
        assertThat(missing.reply().statusCode()).isEqualTo(404);
        assertThat(missing.reply().body()).isEqualTo(notFound);
        assertThat(done.reply().body()).contains("\"status\":\"responded\"");
        assertThat(done.after(asked)).as("neither was parked").isLessThan(WAKE_BOUND);
        assertThat(reads(other)).isEqualTo(1);
        assertThat(reads(finished)).isEqualTo(1);
    }

    @Test
    void oneEventWakesTheWaitsParkedOnEveryGatewayInstance() throws Exception {
        try (ConfigurableApplicationContext second = AnotherGateway.start()) {
            await().atMost(Duration.ofSeconds(30)).until(second.getBean(PauseEventWakes.class)::listening);
            String id = newPauseId();
            answers(id, PENDING);
            CompletableFuture<Timed> here = longPoll(id, WAIT_SECONDS);
            CompletableFuture<Timed> there = longPoll(AnotherGateway.port(second), id, WAIT_SECONDS);
            await().atMost(Duration.ofSeconds(10)).until(() -> reads(id) == 2);
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(2)).until(() -> !here.isDone() && !there.isDone());

            answers(id, RESPONDED);
            publish(id);
            long published = System.nanoTime();
            for (CompletableFuture<Timed> parked : List.of(here, there)) {
                Timed woken = parked.get(WAIT_SECONDS + 10, TimeUnit.SECONDS);
                assertThat(woken.reply().body()).contains("\"status\":\"responded\"");
                assertThat(woken.after(published)).as("each instance hears every event").isLessThan(WAKE_BOUND);
            }
        }
    }

    @Test
    void withKafkaUnreachableAWaitStillEndsAtItsWaitWithTheStateReadThen() throws Exception {
        int nothingListens = FreePorts.next();
        try (ConfigurableApplicationContext cutOff = AnotherGateway.start(Map.of("spring.kafka.bootstrap-servers",
                "localhost:" + nothingListens))) {
            String id = newPauseId();
            answers(id, PENDING);
            long asked = System.nanoTime();
            CompletableFuture<Timed> parked = longPoll(AnotherGateway.port(cutOff), id, 3);
            await().atMost(Duration.ofSeconds(10)).until(() -> reads(id) == 1);
            answers(id, RESPONDED);

            Timed ended = parked.get(20, TimeUnit.SECONDS);
            assertThat(cutOff.getBean(PauseEventWakes.class).listening()).as("no event could have woken it").isFalse();
            assertThat(ended.after(asked)).as("answered when its wait ended").isGreaterThanOrEqualTo(Duration.ofMillis(2900));
            assertThat(ended.reply().statusCode()).isEqualTo(200);
            assertThat(ended.reply().body()).as("the state read when the wait ended").contains("\"status\":\"responded\"");
        }
    }
}
