package dev.pausepoint.pause.testrecipient;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.events.Event;
import dev.pausepoint.events.Topics;
import dev.pausepoint.events.pause.PauseResponded;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.kit.EventReader;
import dev.pausepoint.kit.SignedClient.Reply;
import dev.pausepoint.pause.PauseApiTest;
import dev.pausepoint.pause.lifecycle.PauseTransitions;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The answers test recipients give by themselves, on real Postgres and Kafka: recorded when due as a human's
 * answer is (one event, one audit entry that says who answered), beaten by a cancel or an answer that comes
 * first, and taken once when two sweepers race. Time is stepped by moving the due time in the table; the
 * background sweepers do not run here (own database, a sweep interval of an hour), so every sweep is the
 * test's own.
 */
@TestPropertySource(properties = {"pausepoint.test.database=pause_service_test_answer",
        "pausepoint.pauses.sweep-interval=1h"})
class TestAnswerApiTest extends PauseApiTest {

    private static final String ASK = """
            {"recipient": "%s", "channel": "%s", "message": "Deploy?", "options": ["Approve", "Reject", "Later"],
             "timeout_default": "Later"}""";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PauseTransitions transitions;

    private static String ask(String channel, String recipient) {
        return ASK.formatted(recipient, channel);
    }

    private void makeDue(List<String> pauseIds) {
        jdbc.sql("UPDATE test_answer SET due_at = now() WHERE pause_id = ANY(?)")
                .param(pauseIds.toArray(String[]::new)).update();
    }

    private Instant dueAt(String pauseId) {
        return jdbc.sql("SELECT due_at FROM test_answer WHERE pause_id = ?").param(pauseId)
                .query(Timestamp.class).single().toInstant();
    }

    private JsonNode pause(CallerIdentity caller, String pauseId) {
        return client.get("/v1/pause/" + pauseId, caller).json();
    }

    private List<PauseResponded> respondedEvents(Set<String> pauseIds) {
        List<Event> events = EventReader.readFenced(Topics.PAUSE_EVENTS,
                event -> event instanceof PauseResponded r && pauseIds.contains(r.pauseId()));
        return events.stream().map(PauseResponded.class::cast).toList();
    }

    @Test
    void aChoosingTestNumberAnswersWithItsOptionWhenDueAsAHumanWouldWithAnAuditEntrySayingWho() {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        String id = createdId(caller, ask("sms", "+1 500 555 0002"));
        Instant created = Instant.parse(pause(caller, id).get("created_at").asString());
        assertThat(dueAt(id)).isEqualTo(created.plusSeconds(2));
        assertThat(transitions.answerForTestRecipients(50)).as("not due yet").isZero();
        assertThat(pause(caller, id).get("status").asString()).isEqualTo("pending");

        makeDue(List.of(id));
        assertThat(transitions.answerForTestRecipients(50)).isEqualTo(1);

        JsonNode answered = pause(caller, id);
        assertThat(answered.get("status").asString()).isEqualTo("responded");
        assertThat(answered.get("response_choice").asString()).isEqualTo("Reject");
        assertThat(answered.get("response_text").isNull()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM test_answer WHERE pause_id = ?").param(id).query(Integer.class)
                .single()).as("the answer is taken").isZero();
        assertThat(respondedEvents(Set.of(id))).singleElement().satisfies(event -> {
            assertThat(event.choice()).isEqualTo("Reject");
            assertThat(event.actorIp()).isNull();
            assertThat(event.userAgent()).isNull();
        });
        Map<String, Object> audit = jdbc.sql("""
                SELECT actor, detail::text AS detail, ip FROM audit_entry
                WHERE pause_request_id = ? AND event_type = 'pause.responded'""").param(id).query().singleRow();
        assertThat(audit.get("actor")).isEqualTo("human");
        assertThat(audit.get("ip")).isNull();
        assertThat((String) audit.get("detail")).isEqualTo(
                "{\"text\": null, \"choice\": \"Reject\", \"user_agent\": null, \"test_recipient\": true}");
    }

    @Test
    void aHumansAnswerHasNoTestRecipientInItsAuditEntry() {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        String id = createdId(caller, SMS_PAUSE);
        assertThat(respond(id).status()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT detail::text FROM audit_entry WHERE pause_request_id = ? AND event_type = ?")
                .params(id, "pause.responded").query(String.class).single()).doesNotContain("test_recipient");
    }

    @Test
    void aCancelOrAHumansAnswerBeforeTheDueTimeWinsAndTheDueAnswerThenDoesNothing() {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        String cancelled = createdId(caller, ask("sms", "+15005550001"));
        String answered = createdId(caller, ask("sms", "+15005550003"));
        assertThat(client.send("DELETE", "/v1/pause/" + cancelled, null, null, caller).status()).isEqualTo(200);
        assertThat(respond(answered).status()).isEqualTo(200);

        makeDue(List.of(cancelled, answered));
        assertThat(transitions.answerForTestRecipients(50)).as("both were due").isEqualTo(2);

        assertThat(pause(caller, cancelled).get("status").asString()).isEqualTo("cancelled");
        assertThat(pause(caller, answered).get("response_choice").asString()).as("the human's").isEqualTo("Approve");
        assertThat(respondedEvents(Set.of(cancelled, answered))).singleElement()
                .satisfies(event -> assertThat(event.pauseId()).isEqualTo(answered));
        assertThat(jdbc.sql("SELECT count(*) FROM test_answer WHERE pause_id IN (?, ?)").params(cancelled, answered)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void twoSweepersRacingRecordEachAnswerExactlyOnce() throws Exception {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ids.add(createdId(caller, ask("sms", "+1500555000" + (i % 3 + 1))));
        }
        makeDue(ids);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> sweeper = () -> {
            start.await();
            int total = 0;
            int taken;
            do {
                taken = transitions.answerForTestRecipients(7);
                total += taken;
            } while (taken > 0);
            return total;
        };
        try {
            Future<Integer> first = pool.submit(sweeper);
            Future<Integer> second = pool.submit(sweeper);
            start.countDown();
            assertThat(first.get() + second.get()).as("every answer taken by one sweeper").isEqualTo(ids.size());
        } finally {
            pool.shutdown();
        }
        List<PauseResponded> events = respondedEvents(Set.copyOf(ids));
        assertThat(events.stream().map(PauseResponded::pauseId)).as("one answer per pause")
                .containsExactlyInAnyOrderElementsOf(ids);
        Map<String, String> choices = events.stream()
                .collect(Collectors.toMap(PauseResponded::pauseId, PauseResponded::choice));
        for (int i = 0; i < ids.size(); i++) {
            assertThat(choices.get(ids.get(i))).isEqualTo(List.of("Approve", "Reject", "Later").get(i % 3));
        }
    }

    @Test
    void aHumanAndTheDueAnswerRacingLeaveOneAnswerWhoseEventMatchesThePause() throws Exception {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            ids.add(createdId(caller, ask("sms", "+15005550002")));
        }
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Map<String, Integer> humanStatuses = new HashMap<>();
        try {
            for (String id : ids) {
                makeDue(List.of(id));
                CountDownLatch start = new CountDownLatch(1);
                Future<Integer> sweep = pool.submit(() -> {
                    start.await();
                    return transitions.answerForTestRecipients(10);
                });
                Future<Integer> human = pool.submit(() -> {
                    start.await();
                    return respond(id).status();
                });
                start.countDown();
                assertThat(sweep.get()).as("the due answer of %s is taken", id).isEqualTo(1);
                humanStatuses.put(id, human.get());
            }
        } finally {
            pool.shutdown();
        }
        List<PauseResponded> events = respondedEvents(Set.copyOf(ids));
        assertThat(events.stream().map(PauseResponded::pauseId)).as("one event per pause")
                .containsExactlyInAnyOrderElementsOf(ids);
        for (PauseResponded event : events) {
            String id = event.pauseId();
            assertThat(pause(caller, id).get("response_choice").asString()).as(id).isEqualTo(event.choice());
            // The human is told they won exactly when their choice is the one recorded, else 409.
            assertThat(humanStatuses.get(id)).as(id).isEqualTo(event.choice().equals("Approve") ? 200 : 409);
        }
        System.out.println("human vs test recipient over " + ids.size() + " races: " + events.stream()
                .collect(Collectors.groupingBy(PauseResponded::choice, Collectors.counting())));
    }

    @Test
    void aTimingOutRecipientShortensTheExpiryAndLeavesNoAnswer() {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        Reply created = create(caller, ask("sms", "+15005550009"));
        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("pause_id").asString();
        assertThat(Duration.between(Instant.parse(created.json().get("created_at").asString()),
                Instant.parse(created.json().get("expires_at").asString()))).isEqualTo(Duration.ofSeconds(5));
        assertThat(pause(caller, id).get("expires_at").asString())
                .isEqualTo(created.json().get("expires_at").asString());
        assertThat(jdbc.sql("SELECT count(*) FROM test_answer WHERE pause_id = ?").param(id).query(Integer.class)
                .single()).isZero();
    }

    @Test
    void aLiveKeyTreatsTestRecipientsAsOrdinaryOnes() {
        CallerIdentity live = developer("free", KeyMode.LIVE);
        Reply choosing = create(live, ask("sms", "+15005550001"));
        Reply timingOut = create(live, ask("sms", "+15005550009"));
        Reply outOfRange = create(live, """
                {"recipient": "+15005550005", "channel": "sms", "message": "Deploy?", "options": ["Yes", "No"]}""");
        assertThat(List.of(choosing.status(), timingOut.status(), outOfRange.status())).containsOnly(201);
        assertThat(jdbc.sql("SELECT count(*) FROM test_answer WHERE pause_id IN (?, ?, ?)")
                .params(choosing.json().get("pause_id").asString(), timingOut.json().get("pause_id").asString(),
                        outOfRange.json().get("pause_id").asString())
                .query(Integer.class).single()).isZero();
        assertThat(Duration.between(Instant.parse(timingOut.json().get("created_at").asString()),
                Instant.parse(timingOut.json().get("expires_at").asString()))).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void inTestModeAnOptionThePauseLacksOrAnUnknownVerbIs422OnRecipient() {
        CallerIdentity test = developer("starter", KeyMode.TEST);
        Reply lacking = create(test, """
                {"recipient": "+15005550005", "channel": "sms", "message": "Deploy?", "options": ["Yes", "No"]}""");
        assertThat(lacking.status()).isEqualTo(422);
        assertThat(lacking.json().get("detail").get(0).get("field").asString()).isEqualTo("recipient");
        assertThat(lacking.json().get("detail").get(0).get("issue").asString())
                .isEqualTo("a test recipient choosing option 5 needs a pause with at least that many options;"
                        + " this one has 2");
        Reply unknown = create(test, ask("email", "approve@test.pausepoint.dev"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().get("detail").get(0).get("issue").asString())
                .startsWith("an address at test.pausepoint.dev is a test recipient");
        assertThat(create(session(test, KeyMode.TEST), ask("email", "approve@test.pausepoint.dev")).status())
                .as("a session in test mode").isEqualTo(422);
        assertThat(create(sameDeveloper(test, KeyMode.LIVE), ask("email", "approve@test.pausepoint.dev")).status())
                .as("live").isEqualTo(201);
    }
}
