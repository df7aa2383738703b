package dev.pausepoint.pause.followup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.events.Topics;
import dev.pausepoint.events.pause.PauseEscalated;
import dev.pausepoint.events.pause.PauseReminded;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.kit.EventReader;
import dev.pausepoint.kit.token.ResponseTokenCodec;
import dev.pausepoint.pause.PauseApiTest;
import dev.pausepoint.pause.lifecycle.PauseFollowUps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The due work of reminders and escalation on real Postgres and Kafka. Time is stepped by moving the rows'
 * {@code due_at} into the past; every sweep is the test's own (its own database, the background sweeper
 * idle), so each call's answer is seen.
 */
@TestPropertySource(properties = {"pausepoint.test.database=pause_service_follow_ups", "pausepoint.pauses.sweep-interval=1h"})
class FollowUpDueWorkTest extends PauseApiTest {

    private static final String WITH_FOLLOW_UPS = """
            {"recipient": "+14155550123", "channel": "sms", "message": "Deploy?", "options": ["Approve", "Reject"],
             "reminders": {"every_minutes": 5, "max": 2},
             "escalation": [{"after_minutes": 7, "channel": "email", "recipient": "Boss@Example.com"}]}""";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PauseFollowUps followUps;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ResponseTokenCodec tokens;

    private void makeDue(String pauseId, int upToNotification) {
        jdbc.sql("UPDATE pause_schedule SET due_at = now() - interval '1 second' WHERE pause_id = ? AND notification <= ?")
                .params(pauseId, upToNotification).update();
    }

    private int drain() {
        int total = 0;
        int handled;
        while ((handled = followUps.emitDue(50)) > 0) {
            total += handled;
        }
        return total;
    }

    private List<String> audit(String pauseId) {
        return jdbc.sql("SELECT event_type FROM audit_entry WHERE pause_request_id = ? ORDER BY seq")
                .param(pauseId).query(String.class).list();
    }

    private JsonNode deliveries(CallerIdentity caller, String pauseId) {
        return client.get("/v1/pause/" + pauseId, caller).json().get("deliveries");
    }

    @Test
    void dueFollowUpsAreEmittedOnceWithTheirLinkAuditEntryAndPlaceInDeliveries() {
        CallerIdentity caller = developer("pro", KeyMode.TEST);
        String pauseId = createdId(caller, WITH_FOLLOW_UPS);
        JsonNode before = deliveries(caller, pauseId);
        assertThat(before).extracting(d -> d.get("kind").asString() + ":" + d.get("status").asString())
                .as("in due order: reminders at 5 and 10 minutes, the step at 7")
                .containsExactly("initial:queued", "reminder:scheduled", "escalation:scheduled", "reminder:scheduled");
        assertThat(before.get(2).get("recipient").asString()).isEqualTo("boss@example.com");
        assertThat(before.get(2).get("step").asInt()).isEqualTo(1);
        assertThat(before.get(3).get("reminder").asInt()).isEqualTo(2);

        makeDue(pauseId, 3);
        assertThat(drain()).isEqualTo(3);
        assertThat(drain()).as("a second sweep finds nothing").isZero();

        assertThat(audit(pauseId)).containsExactly("pause.created", "pause.reminded", "pause.escalated", "pause.reminded");
        String actor = jdbc.sql("SELECT actor FROM audit_entry WHERE pause_request_id = ? AND event_type = 'pause.escalated'")
                .param(pauseId).query(String.class).single();
        assertThat(actor).isEqualTo("system");
        assertThat(deliveries(caller, pauseId)).extracting(d -> d.get("status").asString())
                .containsExactly("queued", "queued", "queued", "queued");

        PauseEscalated escalated = EventReader.first(Topics.PAUSE_EVENTS, PauseEscalated.class,
                e -> e.pauseId().equals(pauseId));
        assertThat(escalated.notification()).isEqualTo(2);
        assertThat(escalated.recipient()).isEqualTo("boss@example.com");
        String token = escalated.respondUrl().substring(escalated.respondUrl().lastIndexOf('/') + 1);
        assertThat(tokens.verify(token).slot()).isEqualTo(1);
        assertThat(tokens.verify(token).pauseId()).isEqualTo(pauseId);
        PauseReminded second = EventReader.first(Topics.PAUSE_EVENTS, PauseReminded.class,
                e -> e.pauseId().equals(pauseId) && e.reminder() == 2);
        String own = second.respondUrl().substring(second.respondUrl().lastIndexOf('/') + 1);
        assertThat(tokens.verify(own).slot()).as("a reminder goes through the pause's own link").isZero();
    }

    @Test
    void aFollowUpDueAfterThePauseEndedIsNeverEmittedAndShowsSkipped() {
        CallerIdentity caller = developer("pro", KeyMode.TEST);
        String answered = createdId(caller, WITH_FOLLOW_UPS);
        String cancelled = createdId(caller, WITH_FOLLOW_UPS);
        assertThat(respond(answered).status()).isEqualTo(200);
        assertThat(client.send("DELETE", "/v1/pause/" + cancelled, null, null, caller).status()).isEqualTo(200);
        assertThat(deliveries(caller, answered)).extracting(d -> d.get("status").asString())
                .as("their time will come after the pause ended").containsExactly("queued", "skipped", "skipped", "skipped");

        makeDue(answered, 3);
        makeDue(cancelled, 3);
        assertThat(drain()).isEqualTo(6);

        assertThat(audit(answered)).containsExactly("pause.created", "pause.responded");
        assertThat(audit(cancelled)).containsExactly("pause.created", "pause.cancelled");
        assertThat(jdbc.sql("SELECT count(*) FROM pause_schedule WHERE pause_id IN (?, ?) AND state = 'skipped'")
                .params(answered, cancelled).query(Integer.class).single()).isEqualTo(6);
    }

    @Test
    void remindersDueAtOrAfterTheExpiryAreListedAsSkippedFromTheStart() {
        CallerIdentity caller = developer("pro", KeyMode.TEST);
        String pauseId = createdId(caller, """
                {"recipient": "+14155550123", "channel": "sms", "message": "Deploy?", "options": ["Approve", "Reject"],
                 "timeout_hours": 1, "reminders": {"every_minutes": 525600, "max": 5}}""");
        JsonNode deliveries = deliveries(caller, pauseId);
        assertThat(deliveries).extracting(d -> d.get("status").asString())
                .containsExactly("queued", "skipped", "skipped", "skipped", "skipped", "skipped");
        assertThat(deliveries.get(5).get("due_at").asString()).as("five years on, stored and read back exactly")
                .isEqualTo(Instant.parse(deliveries.get(0).get("due_at").asString())
                        .plusSeconds(5L * 525600 * 60).toString());
    }

    @Test
    void aPendingPausePastItsExpiryEmitsNothing() {
        CallerIdentity caller = developer("pro", KeyMode.TEST);
        String pauseId = createdId(caller, WITH_FOLLOW_UPS);
        jdbc.sql("UPDATE pause SET expires_at = now() - interval '1 second' WHERE id = ?").param(pauseId).update();
        makeDue(pauseId, 3);
        assertThat(drain()).isEqualTo(3);
        assertThat(audit(pauseId)).containsExactly("pause.created");
    }

    @Test
    void aBatchThatDiesBeforeItsCommitLeavesItsRowsToTheNextSweep() {
        CallerIdentity caller = developer("pro", KeyMode.TEST);
        String pauseId = createdId(caller, WITH_FOLLOW_UPS);
        makeDue(pauseId, 1);
        // An instance that claims the row, emits, and dies before committing: nothing of it remains.
        transactions.executeWithoutResult(status -> {
            assertThat(followUps.emitDue(50)).isEqualTo(1);
            status.setRollbackOnly();
        });
        assertThat(audit(pauseId)).containsExactly("pause.created");
        assertThat(drain()).isEqualTo(1);
        assertThat(audit(pauseId)).containsExactly("pause.created", "pause.reminded");
    }

    @Test
    void twoInstancesSweepingAtOnceEmitEachRowExactlyOnce() throws Exception {
        CallerIdentity caller = developer("pro", KeyMode.TEST);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = createdId(caller, WITH_FOLLOW_UPS);
            makeDue(id, 3);
            ids.add(id);
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Integer>> instances = new ArrayList<>();
            for (int instance = 0; instance < 2; instance++) {
                instances.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    int total = 0;
                    int handled;
                    while ((handled = followUps.emitDue(7)) > 0) {
                        total += handled;
                    }
                    return total;
                }, pool));
            }
            start.countDown();
            assertThat(instances.get(0).get() + instances.get(1).get()).isEqualTo(60);
        } finally {
            pool.shutdownNow();
        }
        List<Integer> perRow = jdbc.sql("""
                SELECT count(*)::int FROM audit_entry a JOIN pause p ON p.id = a.pause_request_id
                WHERE p.developer_id = ? AND a.event_type IN ('pause.reminded', 'pause.escalated')
                GROUP BY a.pause_request_id, a.detail->>'notification'""")
                .param(caller.developerId()).query(Integer.class).list();
        assertThat(perRow).hasSize(60).containsOnly(1);
    }

    @Test
    void aRespondRacingTheSweepIsNeverFollowedByAnEmission() throws Exception {
        CallerIdentity caller = developer("pro", KeyMode.TEST);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int trial = 0; trial < 40; trial++) {
                String id = createdId(caller, WITH_FOLLOW_UPS);
                makeDue(id, 1);
                CountDownLatch start = new CountDownLatch(1);
                CompletableFuture<Integer> sweep = CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return followUps.emitDue(50);
                }, pool);
                CompletableFuture<Integer> answer = CompletableFuture.supplyAsync(() -> {
                    await(start);
                    return respond(id).status();
                }, pool);
                start.countDown();
                sweep.get();
                assertThat(answer.get()).isEqualTo(200);
                List<String> entries = audit(id);
                // Either order of the two is possible; a reminder recorded after the answer never is.
                assertThat(entries).as("trial %d", trial).isIn(
                        List.of("pause.created", "pause.reminded", "pause.responded"),
                        List.of("pause.created", "pause.responded"));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
