package dev.pausepoint.gateway.longpoll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pausepoint.events.Event;
import dev.pausepoint.events.Topics;
import dev.pausepoint.gateway.AnotherGateway;
import dev.pausepoint.gateway.GatewayIntegrationTest;
import dev.pausepoint.gateway.longpoll.PauseServiceStub.Stored;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The reads after a wake, gathered into calls to pause-service ({@link WokenReads}): a gateway in
 * front of {@link PauseServiceStub}, which counts every call, on real Kafka and Redis. Its woken reads
 * wait up to 1 s for each other, go 10 to a call, one call at a time, and give up after 1 s; the stub
 * takes 300 ms per batch, so wakes published together always find the calls busy and queue behind them.
 */
class WokenReadsTest extends GatewayIntegrationTest {

    static final int WAIT_SECONDS = 12;
    /** Generous for a loaded machine, far below the 12 s wait a missed wake would cost. */
    static final Duration WAKE_BOUND = Duration.ofSeconds(7);
    static final int BATCH = 10;

    private static final String PENDING = "{\"pause_id\":\"%s\",\"status\":\"pending\",\"livemode\":false}";
    /** Not what the gateway would write: a waiter must get pause-service's bytes as they are. */
    private static final String RESPONDED = "{\"pause_id\" : \"%s\",  \"status\":\"responded\",\"message\":\"D\\u00e9ploy\u00e9 ✓\"}";

    private static PauseServiceStub pauseService;
    private static ConfigurableApplicationContext gateway;
    private static ExecutorService clients;

    @Autowired
    KafkaTemplate<String, Event> kafka;

    @BeforeAll
    static void startGatewayInFrontOfTheStub() throws Exception {
        pauseService = new PauseServiceStub();
        clients = Executors.newFixedThreadPool(40);
        gateway = AnotherGateway.start(Map.of("pausepoint.services.pause-service", pauseService.url(),
                "pausepoint.gateway.long-poll.woken-reads.batch-size", String.valueOf(BATCH),
                "pausepoint.gateway.long-poll.woken-reads.window", "1s",
                "pausepoint.gateway.long-poll.woken-reads.max-calls", "1",
                "pausepoint.gateway.long-poll.woken-reads.timeout", "1s"));
    }

    @AfterAll
    static void stop() {
        gateway.close();
        pauseService.close();
        clients.shutdownNow();
    }

    @BeforeEach
    void hearingPauseEvents() throws Exception {
        kafka.send(Topics.PAUSE_EVENTS, "psr_nobody_waits", ParkedLongPollTest.responded("psr_nobody_waits"))
                .get(10, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(30)).until(gateway.getBean(PauseEventWakes.class)::listening);
        pauseService.wokenCalls.clear();
        pauseService.mostWokenInFlight.set(0);
        pauseService.lax = false;
        pauseService.wokenStatus = 200;
        pauseService.wokenDelayMillis = 300;
    }

    private static String newPauseId() {
        return "psr_" + UUID.randomUUID().toString().replace("-", "");
    }

    private static String newKey(String developerId, String mode) {
        return LongPollLimitTest.newDeveloperKey(developerId, mode);
    }

    private static void store(String pauseId, String developerId, String body) {
        pauseService.pauses.put(pauseId, new Stored(developerId, false, body.formatted(pauseId)));
    }

    private CompletableFuture<HttpResponse<String>> longPoll(String key, String pauseId) {
        return CompletableFuture.supplyAsync(() -> call(AnotherGateway.port(gateway), "GET", "/v1/pause/" + pauseId
                + "?wait=" + WAIT_SECONDS, "Authorization", "Bearer " + key), clients);
    }

    /**
     * Until {@code waiters} are admitted and pause-service has answered each its first read of {@code pauses}
     * (pending): a change stored before a first read would answer it at once, not through a wake.
     */
    private void awaitParked(int waiters, Collection<String> pauses) {
        LongPollFilter caps = gateway.getBean(LongPollFilter.class);
        await().atMost(Duration.ofSeconds(20)).until(() -> caps.waiters() == waiters
                && pauses.stream().mapToInt(pauseService::reads).sum() == waiters
                && gateway.getBean(PauseWakes.class).pausesWaitedOn() > 0);
    }

    private void publish(List<String> pauseIds) throws Exception {
        List<CompletableFuture<?>> sent = new ArrayList<>();
        pauseIds.forEach(id -> sent.add(kafka.send(Topics.PAUSE_EVENTS, id, ParkedLongPollTest.responded(id))));
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
    }

    @Test
    void manyWaitersWokenTogetherGetTheirPausesFromOneCallPerBatch() throws Exception {
        String developer = "dev_" + UUID.randomUUID();
        String key = newKey(developer, "test");
        List<String> pauses = new ArrayList<>();
        Map<CompletableFuture<HttpResponse<String>>, String> waiters = new LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            String id = newPauseId();
            store(id, developer, PENDING);
            pauses.add(id);
            waiters.put(longPoll(key, id), id);
        }
        // Three waiters on one pause: one entry of a call answers them all.
        for (int i = 0; i < 3; i++) {
            waiters.put(longPoll(key, pauses.get(0)), pauses.get(0));
        }
        awaitParked(waiters.size(), new HashSet<>(pauses));
        pauses.forEach(id -> store(id, developer, RESPONDED));

        publish(pauses);
        long published = System.nanoTime();

        for (var waiter : waiters.entrySet()) {
            HttpResponse<String> reply = waiter.getKey().get(WAIT_SECONDS + 10, TimeUnit.SECONDS);
            assertThat(reply.statusCode()).isEqualTo(200);
            assertThat(reply.body()).as("pause-service's bytes, unchanged").isEqualTo(RESPONDED.formatted(waiter.getValue()));
            assertThat(reply.headers().firstValue("Content-Type")).contains(PauseServiceStub.CONTENT_TYPE);
            assertThat(reply.headers().firstValue("Content-Length"))
                    .contains(String.valueOf(reply.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length));
            assertThat(reply.headers().firstValue("X-Request-Id")).as("the gateway's request id, as on any answer")
                    .isPresent();
        }
        assertThat(Duration.ofNanos(System.nanoTime() - published)).as("woken, not ended by the wait").isLessThan(WAKE_BOUND);
        List<PauseServiceStub.WokenCall> calls = pauseService.wokenCalls;
        assertThat(calls).as("23 woken reads, %d to a call", BATCH).hasSize(3);
        assertThat(pauseService.mostWokenInFlight.get()).as("calls in flight at once").isEqualTo(1);
        Set<String> asked = new HashSet<>();
        for (PauseServiceStub.WokenCall call : calls) {
            assertThat(call.entries()).hasSizeLessThanOrEqualTo(BATCH);
            for (JsonNode entry : call.entries()) {
                assertThat(entry.get("developer_id").asString()).isEqualTo(developer);
                assertThat(entry.get("livemode").asBoolean()).isFalse();
                asked.add(entry.get("pause_id").asString());
            }
        }
        assertThat(asked).containsExactlyInAnyOrderElementsOf(pauses);
        assertThat(calls.stream().mapToInt(call -> call.entries().size()).sum()).as("waiters of one pause share an entry")
                .isLessThan(waiters.size());
        for (String id : pauses) {
            assertThat(pauseService.reads(id)).as("no read through the route after the wake: only each waiter's first")
                    .isEqualTo(id.equals(pauses.get(0)) ? 4 : 1);
        }
    }

    @Test
    void aWaiterIsGivenOnlyThePauseOfItsOwnDeveloperAndMode() throws Exception {
        String owner = "dev_" + UUID.randomUUID();
        String id = newPauseId();
        store(id, owner, PENDING);
        // The stub answers anyone's first read while the pause is pending, so waiters of other worlds park on it too.
        pauseService.lax = true;
        var own = longPoll(newKey(owner, "test"), id);
        var stranger = longPoll(newKey("dev_" + UUID.randomUUID(), "test"), id);
        var otherMode = longPoll(newKey(owner, "live"), id);
        awaitParked(3, List.of(id));
        pauseService.lax = false;
        store(id, owner, RESPONDED);

        publish(List.of(id));

        assertThat(own.get(WAIT_SECONDS + 10, TimeUnit.SECONDS).body()).isEqualTo(RESPONDED.formatted(id));
        for (var other : List.of(stranger, otherMode)) {
            HttpResponse<String> reply = other.get(WAIT_SECONDS + 10, TimeUnit.SECONDS);
            assertThat(reply.statusCode()).as("its own read, which pause-service scopes").isEqualTo(404);
            assertThat(reply.body()).doesNotContain("responded");
        }
        assertThat(pauseService.wokenCalls).hasSize(1);
        assertThat(pauseService.wokenCalls.get(0).entries()).as("one entry per world, each with the waiter's own")
                .extracting(entry -> entry.get("developer_id").asString() + "/" + entry.get("livemode").asBoolean())
                .hasSize(3).contains(owner + "/false", owner + "/true");
        assertThat(pauseService.reads(id)).as("three first reads, and one each for the two the call did not give")
                .isEqualTo(5);
    }

    @Test
    void whenTheCallFailsOrTakesTooLongEachWaiterReadsItsPauseOnItsOwn() throws Exception {
        for (int failure : new int[] {500, 200}) {
            pauseService.wokenCalls.clear();
            pauseService.wokenStatus = failure;
            // A 200 that comes after the 1 s the gateway gives a call.
            pauseService.wokenDelayMillis = failure == 200 ? 3000 : 0;
            String developer = "dev_" + UUID.randomUUID();
            String key = newKey(developer, "test");
            List<String> pauses = List.of(newPauseId(), newPauseId(), newPauseId());
            List<CompletableFuture<HttpResponse<String>>> waiters = new ArrayList<>();
            for (String id : pauses) {
                store(id, developer, PENDING);
                waiters.add(longPoll(key, id));
            }
            awaitParked(3, pauses);
            pauses.forEach(id -> store(id, developer, RESPONDED));

            publish(pauses);
            long published = System.nanoTime();

            for (int i = 0; i < pauses.size(); i++) {
                HttpResponse<String> reply = waiters.get(i).get(WAIT_SECONDS + 10, TimeUnit.SECONDS);
                assertThat(reply.statusCode()).as("failure %d", failure).isEqualTo(200);
                assertThat(reply.body()).isEqualTo(RESPONDED.formatted(pauses.get(i)));
                assertThat(pauseService.reads(pauses.get(i))).as("its first read, and its own after the failed call")
                        .isEqualTo(2);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - published)).as("not left to the end of the wait")
                    .isLessThan(WAKE_BOUND);
            assertThat(pauseService.wokenCalls).as("the call was made").isNotEmpty();
            await().atMost(Duration.ofSeconds(10)).until(() -> pauseService.wokenInFlight.get() == 0);
        }
    }

    @Test
    void aWakeThatFindsThePauseStillPendingParksItAgainWithoutAReadOfItsOwn() throws Exception {
        String developer = "dev_" + UUID.randomUUID();
        String id = newPauseId();
        store(id, developer, PENDING);
        var waiter = longPoll(newKey(developer, "test"), id);
        awaitParked(1, List.of(id));

        publish(List.of(id));
        await().atMost(Duration.ofSeconds(10)).until(() -> pauseService.wokenCalls.size() == 1);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3)).until(() -> !waiter.isDone());
        assertThat(pauseService.reads(id)).as("the call said pending: parked again, no read of its own").isEqualTo(1);

        store(id, developer, RESPONDED);
        publish(List.of(id));
        long published = System.nanoTime();
        HttpResponse<String> reply = waiter.get(WAIT_SECONDS + 10, TimeUnit.SECONDS);
        assertThat(reply.body()).isEqualTo(RESPONDED.formatted(id));
        assertThat(Duration.ofNanos(System.nanoTime() - published)).isLessThan(WAKE_BOUND);
        assertThat(pauseService.wokenCalls).hasSize(2);
    }
}
