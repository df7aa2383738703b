package dev.pausepoint.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeName;
import dev.pausepoint.events.account.AccountEvent;
import dev.pausepoint.events.delivery.DeliveryEvent;
import dev.pausepoint.events.delivery.NotificationFailed;
import dev.pausepoint.events.pause.PauseCreated;
import dev.pausepoint.events.pause.PauseEvent;
import dev.pausepoint.events.pause.PauseTimedOut;
import dev.pausepoint.events.webhook.WebhookEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * The golden fixtures are the contract: each is read into its record and the record written back must
 * give the same JSON. A change that breaks this is a breaking change and needs a new topic version.
 */
class EventContractTest {

    static Stream<Arguments> events() {
        return EventMother.all().entrySet().stream().map(e -> Arguments.of(e.getKey(), e.getValue()));
    }

    private static String fixture(String type) {
        try (InputStream in = EventContractTest.class.getResourceAsStream("/fixtures/" + type + ".json")) {
            assertThat(in).as("fixture for " + type).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void fixtureReadsIntoTheRecord(String type, Event expected) {
        assertThat(EventJson.read(fixture(type))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void recordWritesBackToTheFixture(String type, Event event) {
        JsonNode written = EventJson.mapper().readTree(EventJson.writeString(event));
        assertThat(written).isEqualTo(EventJson.mapper().readTree(fixture(type)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    void kafkaSerdeRoundTrips(String type, Event event) {
        byte[] bytes = new EventSerializer().serialize(event.topic(), event);
        assertThat(new EventDeserializer().deserialize(event.topic(), bytes)).isEqualTo(event);
    }

    @Test
    void everyEventTypeHasAnExampleAndAFixture() {
        Set<String> declared = Stream.of(PauseEvent.class, DeliveryEvent.class, AccountEvent.class, WebhookEvent.class)
                .flatMap(topic -> Arrays.stream(topic.getAnnotation(JsonSubTypes.class).value()))
                .map(subtype -> subtype.value().getAnnotation(JsonTypeName.class).value())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(declared).hasSize(14).isEqualTo(new TreeSet<>(EventMother.all().keySet()));
    }

    @Test
    void eventsGoToTheirTopicKeyedByAggregate() {
        Map<String, Event> all = EventMother.all();
        assertThat(all.get("pause.created").topic()).isEqualTo("pause.events.v1");
        assertThat(all.get("pause.created").key()).isEqualTo(EventMother.PAUSE);
        assertThat(all.get("notification.delivered").topic()).isEqualTo("delivery.events.v1");
        assertThat(all.get("notification.delivered").key()).isEqualTo(EventMother.PAUSE);
        assertThat(all.get("api_key.rotated").topic()).isEqualTo("account.events.v1");
        assertThat(all.get("api_key.rotated").key()).isEqualTo(EventMother.DEVELOPER);
        assertThat(all.get("webhook.created").topic()).isEqualTo("webhook.events.v1");
        assertThat(all.get("webhook.created").key()).isEqualTo(EventMother.DEVELOPER);
        assertThat(Topics.ALL).containsExactly("pause.events.v1", "delivery.events.v1", "account.events.v1",
                "webhook.events.v1");
    }

    @Test
    void topicInterfacesReadTheirOwnEvents() {
        PauseEvent event = EventJson.mapper().readValue(fixture("pause.timed_out"), PauseEvent.class);
        assertThat(event).isInstanceOf(PauseTimedOut.class);
    }

    @Test
    void aDeliveryEventWithoutANotificationNumberIsAboutTheFirstAndOneAboutAnotherCarriesIt() {
        assertThat(fixture("notification.failed")).doesNotContain("\"notification\"");
        assertThat(((NotificationFailed) EventJson.read(fixture("notification.failed"))).notification()).isEqualTo(0);
        NotificationFailed first = EventMother.notificationFailed();
        NotificationFailed third = new NotificationFailed(first.eventId(), first.occurredAt(), 1, first.pauseId(),
                first.developerId(), true, "slack", 4, "Slack answered 404 no_service", 2);
        String written = EventJson.writeString(third);
        assertThat(written).contains("\"notification\":2");
        assertThat(EventJson.read(written)).isEqualTo(third);
        assertThat(EventJson.writeString(first)).doesNotContain("notification\"");
    }

    @Test
    void followUpsSayWhatKindTheyAreWithoutWritingIt() {
        assertThat(EventMother.pauseReminded().kind()).isEqualTo("reminder");
        assertThat(EventMother.pauseReminded().step()).isNull();
        assertThat(EventMother.pauseEscalated().kind()).isEqualTo("escalation");
        assertThat(EventMother.pauseEscalated().reminder()).isNull();
        assertThat(EventJson.writeString(EventMother.pauseEscalated())).doesNotContain("\"kind\"", "\"reminder\"");
    }

    @Test
    void fieldsAReaderDoesNotKnowAreIgnored() {
        String newer = fixture("plan.changed").replace("\"plan\": \"starter\"",
                "\"plan\": \"starter\", \"seats\": 5, \"billing\": {\"interval\": \"month\"}");
        assertThat(EventJson.read(newer)).isEqualTo(EventMother.planChanged());
    }

    @Test
    void aPauseCreatedWrittenBeforeTheAskerWasCarriedStillReads() {
        PauseCreated created = EventMother.pauseCreated();
        PauseCreated older = (PauseCreated) EventJson.read(fixture("pause.created.before-asker"));
        assertThat(older.agentName()).isNull();
        assertThat(older.accountName()).isNull();
        assertThat(older).usingRecursiveComparison().ignoringFields("agentName", "accountName").isEqualTo(created);
    }

    @Test
    void timestampsAreWrittenInWholeSeconds() {
        PauseCreated created = EventMother.pauseCreated();
        PauseCreated precise = new PauseCreated(created.eventId(), Instant.parse("2026-11-25T16:00:00.987654Z"), 1,
                created.pauseId(), created.developerId(), true, created.channel(), created.recipient(),
                created.message(), created.options(), true, created.timeoutDefault(), created.metadata(),
                created.respondUrl(), created.expiresAt(), created.actorIp());
        assertThat(EventJson.writeString(precise)).contains("\"occurred_at\":\"2026-11-25T16:00:00Z\"");
    }

    @Test
    void wireTypeNamesAreExplicitNotClassNames() {
        assertThat(EventJson.writeString(EventMother.apiKeyRotated()))
                .contains("\"type\":\"api_key.rotated\"")
                .doesNotContain("ApiKeyRotated", "dev.pausepoint");
    }

    @Test
    void unknownTypeOrGarbageIsASerializationException() {
        EventDeserializer deserializer = new EventDeserializer();
        assertThatThrownBy(() -> deserializer.deserialize("pause.events.v1",
                "{\"type\":\"pause.exploded\",\"event_id\":\"evt_1\"}".getBytes()))
                .isInstanceOf(SerializationException.class).hasMessageContaining("pause.events.v1");
        assertThatThrownBy(() -> deserializer.deserialize("pause.events.v1", "not json".getBytes()))
                .isInstanceOf(SerializationException.class);
        assertThat(deserializer.deserialize("pause.events.v1", null)).isNull();
    }
}
