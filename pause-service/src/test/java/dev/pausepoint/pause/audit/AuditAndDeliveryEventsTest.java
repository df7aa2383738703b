package dev.pausepoint.pause.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.pausepoint.events.Event;
import dev.pausepoint.events.EventIds;
import dev.pausepoint.events.Topics;
import dev.pausepoint.events.account.DeveloperRegistered;
import dev.pausepoint.events.delivery.NotificationDelivered;
import dev.pausepoint.events.delivery.NotificationFailed;
import dev.pausepoint.events.delivery.NotificationSent;
import dev.pausepoint.events.pause.PauseCreated;
import dev.pausepoint.events.webhook.WebhookCreated;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.kit.EventReader;
import dev.pausepoint.kit.SignedClient.Reply;
import dev.pausepoint.pause.PauseApiTest;
import dev.pausepoint.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.JsonNode;

class AuditAndDeliveryEventsTest extends PauseApiTest {

    @Autowired
    KafkaTemplate<String, Event> kafka;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    private static java.time.Instant now() {
        return EventIds.now(Clock.systemUTC());
    }

    private void publish(Event event) {
        try {
            kafka.send(event.topic(), event.key(), event).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private JsonNode auditOf(CallerIdentity caller, String query, int expected) {
        await().atMost(Duration.ofSeconds(15)).until(() ->
                client.get("/v1/audit?" + query, caller).json().get("items").size() >= expected);
        return client.get("/v1/audit?" + query, caller).json();
    }

    @Test
    void aPausesLifeIsInTheAuditLogWithTheCallersAddress() {
        CallerIdentity caller = developer("free", KeyMode.LIVE);
        String id = createdId(caller, SMS_PAUSE);
        client.send("DELETE", "/v1/pause/" + id, null, null, caller);
        JsonNode page = auditOf(caller, "pause_id=" + id, 2);
        JsonNode cancelled = page.get("items").get(0);
        JsonNode created = page.get("items").get(1);
        assertThat(cancelled.get("event_type").asString()).isEqualTo("pause.cancelled");
        assertThat(created.get("event_type").asString()).isEqualTo("pause.created");
        assertThat(created.get("actor").asString()).isEqualTo("developer");
        assertThat(created.get("ip").asString()).isEqualTo("203.0.113.5");
        assertThat(created.get("pause_request_id").asString()).isEqualTo(id);
        assertThat(created.get("id").asString()).startsWith("aud_");
        assertThat(created.get("detail").get("channel").asString()).isEqualTo("sms");
        assertThat(created.toString()).as("never the human's token").doesNotContain("/respond/");
    }

    /**
     * A pause's entry is written in the transaction of its change, not by a consumer of its event: it is
     * there as soon as the call returns, and a redelivered event (the audit listener does not read pause
     * events any more) adds nothing.
     */
    @Test
    void aPausesEntryIsThereTheMomentTheCallReturnsAndOnlyOnce() {
        CallerIdentity caller = developer("free", KeyMode.LIVE);
        String id = createdId(caller, SMS_PAUSE);

        JsonNode items = client.get("/v1/audit?pause_id=" + id, caller).json().get("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("event_type").asString()).isEqualTo("pause.created");

        client.send("DELETE", "/v1/pause/" + id, null, null, caller);
        assertThat(client.get("/v1/audit?pause_id=" + id, caller).json().get("items")).hasSize(2);
        PauseCreated event = EventReader.first(Topics.PAUSE_EVENTS, PauseCreated.class, e -> e.pauseId().equals(id));
        publish(event);
        publish(new DeveloperRegistered(EventIds.newEventId(), now(), 1, caller.developerId(), "fence@b.co", "F",
                "free", "203.0.113.9"));
        // The account event behind it is audited by the listener: by then the pause event was read too, if at all.
        auditOf(caller, "event_type=developer.registered", 1);
        assertThat(client.get("/v1/audit?pause_id=" + id, caller).json().get("items")).hasSize(2);
    }

    @Test
    void accountEntriesAreInBothWorldsAndWebhookEntriesInTheirOwn() {
        CallerIdentity live = developer("free", KeyMode.LIVE);
        CallerIdentity test = sameDeveloper(live, KeyMode.TEST);
        publish(new DeveloperRegistered(EventIds.newEventId(), now(), 1, live.developerId(), "a@b.co", "A", "free",
                "198.51.100.1"));
        publish(new WebhookCreated(EventIds.newEventId(), now(), 1, live.developerId(), true, "whk_" + UUID.randomUUID(),
                "https://agent.example/hook", List.of("pause.responded"), "198.51.100.1"));
        assertThat(auditOf(live, "", 2).get("items")).hasSize(2);
        JsonNode testWorld = auditOf(test, "", 1).get("items");
        assertThat(testWorld).hasSize(1);
        assertThat(testWorld.get(0).get("event_type").asString()).isEqualTo("developer.registered");
    }

    @Test
    void filtersByTypeAndInclusiveDatesAndRefusesBadOnes() {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        String id = createdId(caller, SMS_PAUSE);
        auditOf(caller, "pause_id=" + id, 1);
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        assertThat(client.get("/v1/audit?event_type=pause.created&from_date=" + today + "&to_date=" + today, caller)
                .json().get("items")).hasSize(1);
        assertThat(client.get("/v1/audit?event_type=pause.cancelled", caller).json().get("items")).isEmpty();
        String tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
        assertThat(client.get("/v1/audit?from_date=" + tomorrow, caller).json().get("items")).isEmpty();
        Reply bad = client.get("/v1/audit?event_type=pause.exploded&from_date=yesterday&limit=0", caller);
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.json().get("detail")).hasSize(3);
    }

    @Test
    void aRedeliveredEventLeavesOneEntry() {
        CallerIdentity caller = developer("free", KeyMode.LIVE);
        DeveloperRegistered registered = new DeveloperRegistered(EventIds.newEventId(), now(), 1, caller.developerId(),
                "twice@b.co", "T", "free", "198.51.100.2");
        publish(registered);
        publish(registered);
        auditOf(caller, "", 1);
        EventReader.readFenced(Topics.ACCOUNT_EVENTS, event -> false);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(jdbc.sql(
                "SELECT count(*) FROM audit_entry WHERE developer_id = ?").param(caller.developerId())
                .query(Integer.class).single()).isEqualTo(1));
    }

    @Test
    void theDatabaseRefusesToChangeOrRemoveAnAuditEntry() {
        CallerIdentity caller = developer("free", KeyMode.LIVE);
        publish(new DeveloperRegistered(EventIds.newEventId(), now(), 1, caller.developerId(), "x@b.co", "X", "free",
                "198.51.100.3"));
        String entry = auditOf(caller, "", 1).get("items").get(0).get("id").asString();
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_entry SET ip = '0.0.0.0' WHERE id = ?").param(entry).update())
                .hasStackTraceContaining("audit entries are append-only: UPDATE refused");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_entry WHERE id = ?").param(entry).update())
                .hasStackTraceContaining("audit entries are append-only: DELETE refused");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_entry").update())
                .hasStackTraceContaining("audit entries are append-only: TRUNCATE refused");
        assertThat(client.get("/v1/audit", caller).json().get("items").get(0).get("id").asString()).isEqualTo(entry);
    }

    @Test
    void theDeliveryBlockFollowsDeliveryEventsAndNeverGoesBack() {
        CallerIdentity caller = developer("free", KeyMode.LIVE);
        String delivered = createdId(caller, SMS_PAUSE);
        String failed = createdId(caller, SMS_PAUSE);
        publish(new NotificationSent(EventIds.newEventId(), now(), 1, delivered, caller.developerId(), true, "sms", 2,
                "SM1", false, null));
        publish(new NotificationDelivered(EventIds.newEventId(), now(), 1, delivered, caller.developerId(), true, "sms",
                "SM1"));
        publish(new NotificationFailed(EventIds.newEventId(), now(), 1, delivered, caller.developerId(), true, "sms", 3,
                "late bounce"));
        publish(new NotificationFailed(EventIds.newEventId(), now(), 1, failed, caller.developerId(), true, "sms", 4,
                "Twilio answered 400: invalid number"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
            assertThat(client.get("/v1/pause/" + failed, caller).json().get("delivery").get("status").asString())
                    .isEqualTo("failed");
            assertThat(client.get("/v1/pause/" + delivered, caller).json().get("delivery").get("status").asString())
                    .isEqualTo("delivered");
        });
        EventReader.readFenced(Topics.DELIVERY_EVENTS, event -> false);
        JsonNode stillDelivered = client.get("/v1/pause/" + delivered, caller).json().get("delivery");
        assertThat(stillDelivered.get("status").asString()).as("a late failure does not undo delivery").isEqualTo("delivered");
        assertThat(stillDelivered.get("attempts").asInt()).isEqualTo(2);
        JsonNode failure = client.get("/v1/pause/" + failed, caller).json().get("delivery");
        assertThat(failure.get("last_error").asString()).isEqualTo("Twilio answered 400: invalid number");
        assertThat(failure.get("attempts").asInt()).isEqualTo(4);
        assertThat(failure.get("updated_at").asString()).endsWith("Z");
    }

    /** No ledger row per delivery event: the conditional updates alone must make a replay harmless. */
    @Test
    void aReplayedOrOlderSendChangesNothing() {
        CallerIdentity caller = developer("free", KeyMode.LIVE);
        String id = createdId(caller, SMS_PAUSE);
        java.time.Instant first = now().minusSeconds(60);
        java.time.Instant second = now().minusSeconds(30);
        NotificationSent firstSend = new NotificationSent(EventIds.newEventId(), first, 1, id, caller.developerId(), true,
                "sms", 1, "SM1", false, null);
        NotificationSent retry = new NotificationSent(EventIds.newEventId(), second, 1, id, caller.developerId(), true,
                "sms", 2, "SM2", false, null);
        publish(firstSend);
        publish(retry);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(client.get("/v1/pause/" + id, caller)
                .json().get("delivery").get("attempts").asInt()).isEqualTo(2));
        JsonNode before = client.get("/v1/pause/" + id, caller).json().get("delivery");

        publish(firstSend);
        publish(retry);
        publish(new NotificationSent(EventIds.newEventId(), first.minusSeconds(1), 1, id, caller.developerId(), true,
                "sms", 1, "SM0", false, null));
        awaitConsumed(Topics.DELIVERY_EVENTS, "pause-service");

        JsonNode after = client.get("/v1/pause/" + id, caller).json().get("delivery");
        assertThat(after).as("replays and an older send leave the block as it was").isEqualTo(before);
        assertThat(after.get("status").asString()).isEqualTo("sent");
        assertThat(java.time.Instant.parse(after.get("updated_at").asString())).isEqualTo(second);
    }

    /** Until {@code group} has committed offsets past every record now on {@code topic}. */
    private static void awaitConsumed(String topic, String group) {
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestInfrastructure.kafka().bootstrapServers()))) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (int partition = 0; partition < partitions; partition++) {
                latest.put(new TopicPartition(topic, partition), OffsetSpec.latest());
            }
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, info) -> ends.put(partition, info.offset()));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                ends.forEach((partition, end) -> {
                    if (end > 0) {
                        assertThat(committed.get(partition)).as("%s consumed up to %d", partition, end).isNotNull();
                        assertThat(committed.get(partition).offset()).as("%s", partition).isGreaterThanOrEqualTo(end);
                    }
                });
            });
        } catch (InterruptedException | java.util.concurrent.ExecutionException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aSandboxSendShowsAsSandbox() {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        String id = createdId(caller, SMS_PAUSE);
        publish(new NotificationSent(EventIds.newEventId(), now(), 1, id, caller.developerId(), false, "sms", 1, null,
                true, "[PausePoint] Deploy v2.3 to production?"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(client.get("/v1/pause/" + id, caller).json()
                .get("delivery").get("status").asString()).isEqualTo("sandbox"));
        assertThat(client.get("/v1/pause/" + id, caller).json().get("delivery").get("sandbox_message").asString())
                .isEqualTo("[PausePoint] Deploy v2.3 to production?");
    }

    @Test
    void aPoisonRecordIsDeadLetteredAndTheTopicKeepsFlowing() {
        double before = meters.counter("pausepoint.kafka.dead_letters", "topic", Topics.DELIVERY_EVENTS).count();
        String marker = "poison-" + UUID.randomUUID();
        try (var producer = new KafkaProducer<String, String>(Map.of("bootstrap.servers",
                TestInfrastructure.kafka().bootstrapServers(), "key.serializer", StringSerializer.class,
                "value.serializer", StringSerializer.class))) {
            producer.send(new ProducerRecord<>(Topics.DELIVERY_EVENTS, marker, "{\"not\": \"an event\"}")).get();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                meters.counter("pausepoint.kafka.dead_letters", "topic", Topics.DELIVERY_EVENTS).count()).isGreaterThan(before));
        try (var consumer = new KafkaConsumer<String, String>(Map.of("bootstrap.servers",
                TestInfrastructure.kafka().bootstrapServers(), "group.id", "dlt-" + UUID.randomUUID(),
                "auto.offset.reset", "earliest", "key.deserializer", StringDeserializer.class,
                "value.deserializer", StringDeserializer.class))) {
            consumer.subscribe(List.of(Topics.deadLetter(Topics.DELIVERY_EVENTS)));
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (marker.equals(record.key())) {
                        return true;
                    }
                }
                return false;
            });
        }
        CallerIdentity caller = developer("free", KeyMode.TEST);
        String id = createdId(caller, SMS_PAUSE);
        publish(new NotificationSent(EventIds.newEventId(), now(), 1, id, caller.developerId(), false, "sms", 1, null,
                true, "after the poison"));
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(client.get("/v1/pause/" + id, caller).json()
                .get("delivery").get("status").asString()).isEqualTo("sandbox"));
    }
}
