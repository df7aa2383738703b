package dev.pausepoint.pause.idempotency;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.events.Topics;
import dev.pausepoint.events.pause.PauseCancelled;
import dev.pausepoint.events.pause.PauseEvent;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.kit.EventReader;
import dev.pausepoint.kit.SignedClient.Reply;
import dev.pausepoint.pause.PauseApiTest;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

class IdempotencyKeyApiTest extends PauseApiTest {

    @Autowired
    JdbcClient jdbc;

    private Reply createWithKey(CallerIdentity caller, String body, String key) {
        return client.send("POST", "/v1/pause", "application/json", body, caller, "Idempotency-Key", key);
    }

    private int pausesOf(CallerIdentity caller) {
        return client.get("/v1/pause?limit=100", caller).json().get("items").size();
    }

    @Test
    void aReplayReturnsTheOriginal201AndCreatesNothingAgain() {
        CallerIdentity caller = developer("free", KeyMode.LIVE);
        String key = "order-" + UUID.randomUUID();
        Reply first = createWithKey(caller, SMS_PAUSE, key);
        Reply replay = createWithKey(caller, SMS_PAUSE, key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(replay.status()).isEqualTo(201);
        assertThat(replay.body()).isEqualTo(first.body());
        assertThat(pausesOf(caller)).isEqualTo(1);
        assertThat(BILLING.findAll(postRequestedFor(urlEqualTo("/internal/usage/reserve")))).hasSize(1);

        // Cancelling afterwards puts a fence on the pause's own partition: a second pause.created would
        // have been published before it and so read before it.
        String id = first.json().get("pause_id").asString();
        client.send("DELETE", "/v1/pause/" + id, null, null, caller);
        List<String> types = EventReader.read(Topics.PAUSE_EVENTS,
                event -> event instanceof PauseEvent pauseEvent && pauseEvent.pauseId().equals(id),
                events -> events.stream().anyMatch(event -> event instanceof PauseCancelled))
                .stream().map(event -> event.getClass().getSimpleName()).toList();
        assertThat(types).containsExactly("PauseCreated", "PauseCancelled");
    }

    @Test
    void theSameKeyWithAnotherBodyIsAConflict() {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        String key = "order-" + UUID.randomUUID();
        createWithKey(caller, SMS_PAUSE, key);
        Reply conflict = createWithKey(caller, SMS_PAUSE.replace("Deploy", "Destroy"), key);
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().get("error").asString()).isEqualTo("IDEMPOTENCY_CONFLICT");
        assertThat(pausesOf(caller)).isEqualTo(1);
    }

    @Test
    void fieldOrderDoesNotMakeADifferentBody() {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        String key = "order-" + UUID.randomUUID();
        Reply first = createWithKey(caller, """
                {"channel": "sms", "recipient": "+14155550123", "message": "Ok?", "options": ["Yes", "No"]}""", key);
        Reply reordered = createWithKey(caller, """
                {"options": ["Yes", "No"], "message": "Ok?", "recipient": "+14155550123", "channel": "sms"}""", key);
        assertThat(reordered.body()).isEqualTo(first.body());
    }

    @Test
    void aKeyBelongsToOneDeveloperAndOneWorld() {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        String key = "shared-" + UUID.randomUUID();
        String mine = createWithKey(caller, SMS_PAUSE, key).json().get("pause_id").asString();
        String otherWorld = createWithKey(sameDeveloper(caller, KeyMode.LIVE), SMS_PAUSE, key).json()
                .get("pause_id").asString();
        String otherDeveloper = createWithKey(developer("free", KeyMode.TEST), SMS_PAUSE, key).json()
                .get("pause_id").asString();
        assertThat(List.of(mine, otherWorld, otherDeveloper)).doesNotHaveDuplicates();
    }

    @Test
    void concurrentRequestsWithOneKeyCreateOnePause() {
        CallerIdentity caller = developer("free", KeyMode.LIVE);
        String key = "burst-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(10);
        List<CompletableFuture<Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            replies.add(CompletableFuture.supplyAsync(() -> createWithKey(caller, SMS_PAUSE, key), pool));
        }
        List<Reply> answers = replies.stream().map(CompletableFuture::join).toList();
        pool.shutdown();
        assertThat(answers).allSatisfy(reply -> assertThat(reply.status()).isEqualTo(201));
        assertThat(answers.stream().map(reply -> reply.json().get("pause_id").asString()).distinct()).hasSize(1);
        assertThat(pausesOf(caller)).isEqualTo(1);
        int reserved = BILLING.findAll(postRequestedFor(urlEqualTo("/internal/usage/reserve"))).size();
        int released = BILLING.findAll(postRequestedFor(urlEqualTo("/internal/usage/release"))).size();
        assertThat(reserved - released).as("every losing request gave its slot back").isEqualTo(1);
    }

    @Test
    void aKeyLongerThan255CharactersIsValidationError() {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        assertThat(createWithKey(caller, SMS_PAUSE, "k".repeat(255)).status()).isEqualTo(201);
        Reply reply = createWithKey(caller, SMS_PAUSE, "k".repeat(256));
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("detail").get(0).get("field").asString()).isEqualTo("Idempotency-Key");
    }

    @Autowired
    IdempotencyKeyPurge purge;

    @Test
    void thePurgeDropsKeysPastTheirDayAndKeepsTheRest() {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        String old = "old-" + UUID.randomUUID();
        String fresh = "fresh-" + UUID.randomUUID();
        createWithKey(caller, SMS_PAUSE, old);
        createWithKey(caller, SMS_PAUSE, fresh);
        jdbc.sql("UPDATE idempotency_key SET created_at = created_at - interval '25 hours' WHERE key = ?").param(old).update();
        assertThat(purge.purge()).isGreaterThanOrEqualTo(1);
        assertThat(jdbc.sql("SELECT key FROM idempotency_key WHERE key IN (?, ?)").params(old, fresh)
                .query(String.class).list()).containsExactly(fresh);
    }

    @Test
    void afterTwentyFourHoursTheKeyIsFreeAgain() {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        String key = "daily-" + UUID.randomUUID();
        String first = createWithKey(caller, SMS_PAUSE, key).json().get("pause_id").asString();
        jdbc.sql("UPDATE idempotency_key SET created_at = created_at - interval '24 hours 1 second' WHERE key = ?")
                .param(key).update();
        String second = createWithKey(caller, SMS_PAUSE.replace("Deploy", "Redeploy"), key).json().get("pause_id").asString();
        assertThat(second).isNotEqualTo(first);
    }
}
