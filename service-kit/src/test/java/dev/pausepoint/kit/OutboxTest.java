package dev.pausepoint.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.pausepoint.events.Event;
import dev.pausepoint.events.EventMother;
import dev.pausepoint.events.Topics;
import dev.pausepoint.events.pause.PauseCancelled;
import dev.pausepoint.kit.outbox.Outbox;
import dev.pausepoint.kit.outbox.OutboxAutoConfiguration;
import dev.pausepoint.kit.outbox.OutboxRelay;
import dev.pausepoint.kit.outbox.ProcessedEvents;
import dev.pausepoint.testsupport.TestInfrastructure;
import dev.pausepoint.testsupport.TestSecrets;
import dev.pausepoint.testsupport.embedded.EmbeddedKafkaServer;
import dev.pausepoint.testsupport.spring.RealInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DataAccessException;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The outbox on real Postgres and Kafka; same context as {@link KitStartupTest}. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "pausepoint.internal-secret=" + TestSecrets.INTERNAL_SECRET)
@RealInfrastructure
@KitTestProperties
class OutboxTest {

    @Autowired
    Outbox outbox;

    @Autowired
    ProcessedEvents processedEvents;

    @Autowired
    OutboxRelay relay;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Value("${spring.datasource.url}")
    String datasourceUrl;

    @Value("${spring.datasource.username}")
    String datasourceUser;

    @Value("${spring.datasource.password}")
    String datasourcePassword;

    /** A distinct event about {@code pauseId}; its event id is what the test looks for on Kafka. */
    private static PauseCancelled cancelled(String pauseId) {
        return new PauseCancelled("evt_" + UUID.randomUUID(), Instant.now(), 1, pauseId, EventMother.DEVELOPER, true,
                Instant.now(), null, "127.0.0.1");
    }

    private double gauge(String name) {
        return meters.get(name).gauge().value();
    }

    private int backlog() {
        return jdbc.sql("SELECT count(*) FROM outbox_event").query(Integer.class).single();
    }

    @Test
    void eventsOfOneTransactionReachKafkaInOrderAndLeaveTheTable() {
        String pauseId = "psr_" + UUID.randomUUID();
        List<PauseCancelled> events = IntStream.range(0, 30).mapToObj(i -> cancelled(pauseId)).toList();
        transactions.executeWithoutResult(status -> events.forEach(outbox::publish));

        List<String> wanted = events.stream().map(PauseCancelled::eventId).toList();
        assertThat(readUntil(wanted, wanted.get(wanted.size() - 1))).containsExactlyElementsOf(wanted);
        await().atMost(Duration.ofSeconds(10)).until(() -> backlog() == 0);
    }

    /**
     * A row is written and deleted once per event, so each index on the table costs every event an entry
     * written and cleaned up again; the relay reads and deletes by {@code id} only.
     */
    @Test
    void theOutboxTableHasNoIndexButItsPrimaryKey() {
        assertThat(jdbc.sql("SELECT indexname FROM pg_indexes WHERE tablename = 'outbox_event'").query(String.class)
                .list()).containsExactly("outbox_event_pkey");
    }

    /** Outside any transaction: the change and the event are one statement, so they commit together. */
    @Test
    void aChangeWrittenWithItsEventNeedsNoTransactionAndIsPublished() {
        int id = (int) (System.nanoTime() & 0x3fffffff);
        PauseCancelled event = cancelled("psr_" + UUID.randomUUID());

        outbox.publishWith(event, List.of(new Outbox.Write("INSERT INTO kit_probe (id) VALUES (?)", id)));

        assertThat(jdbc.sql("SELECT count(*) FROM kit_probe WHERE id = ?").param(id).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(readUntil(List.of(event.eventId()), event.eventId())).containsExactly(event.eventId());
    }

    /** A change that fails takes its event with it, though no transaction was open. */
    @Test
    void aFailingChangeLeavesNoEvent() {
        int id = (int) (System.nanoTime() & 0x3fffffff);
        jdbc.sql("INSERT INTO kit_probe (id) VALUES (?)").param(id).update();
        PauseCancelled lost = cancelled("psr_" + UUID.randomUUID());

        assertThatThrownBy(() -> outbox.publishWith(lost,
                List.of(new Outbox.Write("INSERT INTO kit_probe (id) VALUES (?)", id))))
                .isInstanceOf(DataAccessException.class);

        PauseCancelled marker = cancelled(lost.pauseId());
        outbox.publishWith(marker, List.of(new Outbox.Write("INSERT INTO kit_probe (id) VALUES (?)", id + 1)));
        // Same key, same partition: once the later marker is read, the earlier event would have been too.
        assertThat(readUntil(List.of(lost.eventId(), marker.eventId()), marker.eventId()))
                .containsExactly(marker.eventId());
    }

    /**
     * Changes that find their work done (a replayed event's insert meeting its row) write no event; those
     * that write their row write their event with it, all in one statement; the keys written come back.
     * Keys are the probe's ids as text, as a notification's {@code pause_id} is its event's key.
     */
    @Test
    void eachEventOfABatchIsWrittenOnlyIfTheChangeWroteItsKeysRow() {
        int done = (int) (System.nanoTime() & 0x3fffffff);
        int fresh = done + 1;
        int alsoFresh = done + 2;
        jdbc.sql("INSERT INTO kit_probe (id) VALUES (?)").param(done).update();
        PauseCancelled replayed = cancelled(String.valueOf(done));
        PauseCancelled first = cancelled(String.valueOf(fresh));
        PauseCancelled second = cancelled(String.valueOf(alsoFresh));
        String insert = "INSERT INTO kit_probe (id) SELECT unnest(?::int[]) ON CONFLICT (id) DO NOTHING";

        Set<String> written = transactions.execute(status -> outbox.publishEachIfWritten(
                List.of(outbox.entry(replayed), outbox.entry(first), outbox.entry(second)),
                new Outbox.Write(insert, (Object) new Integer[] {done, fresh, alsoFresh}), "id"));

        assertThat(written).containsExactlyInAnyOrder(String.valueOf(fresh), String.valueOf(alsoFresh));
        assertThat(outbox.publishEachIfWritten(List.of(), new Outbox.Write(insert, (Object) new Integer[] {done}), "id"))
                .as("nothing to write").isEmpty();
        assertThat(jdbc.sql("SELECT count(*) FROM kit_probe WHERE id IN (?, ?, ?)").params(done, fresh, alsoFresh)
                .query(Integer.class).single()).isEqualTo(3);
        assertThat(readUntil(List.of(first.eventId()), first.eventId())).containsExactly(first.eventId());
        assertThat(readUntil(List.of(second.eventId()), second.eventId())).containsExactly(second.eventId());
        // Same key, same partition: once the later marker is read, the replayed one would have been too.
        PauseCancelled marker = cancelled(replayed.pauseId());
        transactions.executeWithoutResult(status -> outbox.publish(marker));
        assertThat(readUntil(List.of(replayed.eventId(), marker.eventId()), marker.eventId()))
                .containsExactly(marker.eventId());
    }

    @Test
    void rolledBackChangePublishesNothing() {
        String pauseId = "psr_" + UUID.randomUUID();
        PauseCancelled rolledBack = cancelled(pauseId);
        transactions.executeWithoutResult(status -> {
            outbox.publish(rolledBack);
            status.setRollbackOnly();
        });
        PauseCancelled marker = cancelled(pauseId);
        transactions.executeWithoutResult(status -> outbox.publish(marker));
        // Same key, same partition: once the later marker is read, the earlier event would have been too.
        assertThat(readUntil(List.of(rolledBack.eventId(), marker.eventId()), marker.eventId()))
                .containsExactly(marker.eventId());
    }

    @Test
    void aStoppedAndRestartedRelayPublishesAgain() {
        // Spring stops the lifecycle beans of an idle cached test context and starts them on reuse.
        relay.stop();
        relay.start();
        PauseCancelled event = cancelled("psr_" + UUID.randomUUID());
        transactions.executeWithoutResult(status -> outbox.publish(event));
        assertThat(readUntil(List.of(event.eventId()), event.eventId())).containsExactly(event.eventId());
    }

    /**
     * One publisher across instances: the relay whose session holds the lock. A standby's commit reaches
     * the publisher as a notice (the publisher here polls only once a minute, so nothing else could publish
     * in time), the standby takes over when the publisher stops, and a relay whose session Postgres ends
     * connects again and carries on.
     */
    @Test
    void oneInstancePublishesAStandbyTakesOverAndACutConnectionReconnects() {
        relay.stop();
        SimpleMeterRegistry firstMeters = new SimpleMeterRegistry();
        SimpleMeterRegistry standbyMeters = new SimpleMeterRegistry();
        OutboxRelay first = handMadeRelay(Duration.ofMinutes(1), firstMeters);
        OutboxRelay standby = handMadeRelay(Duration.ofSeconds(1), standbyMeters);
        try {
            first.start();
            await().atMost(Duration.ofSeconds(10)).until(first::publishing);
            standby.start();
            await().atMost(Duration.ofSeconds(10)).until(() -> relaySessions() == 2);
            assertThat(standby.publishing()).isFalse();

            committedHereAndPublished(standby);
            assertThat(firstMeters.counter("pausepoint.outbox.published").count()).isEqualTo(1);
            assertThat(standbyMeters.counter("pausepoint.outbox.published").count()).isZero();

            first.stop();
            await().atMost(Duration.ofSeconds(15)).until(standby::publishing);
            committedHereAndPublished(standby);
            assertThat(standbyMeters.counter("pausepoint.outbox.published").count()).isEqualTo(1);

            int cut = jdbc.sql("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                            + "WHERE application_name = ? AND datname = current_database()")
                    .param(OutboxRelay.APPLICATION_NAME).query(Integer.class).single();
            assertThat(cut).isEqualTo(1);
            committedHereAndPublished(standby);
            assertThat(standbyMeters.counter("pausepoint.outbox.failures").count()).as("the cut was noticed")
                    .isGreaterThanOrEqualTo(1);
            await().atMost(Duration.ofSeconds(10)).until(() -> backlog() == 0);
        } finally {
            first.stop();
            standby.stop();
            relay.start();
        }
    }

    /** An event committed in this instance, whose relay (a standby) is woken as on a commit; it must arrive. */
    private void committedHereAndPublished(OutboxRelay here) {
        PauseCancelled event = cancelled("psr_" + UUID.randomUUID());
        transactions.executeWithoutResult(status -> outbox.publish(event));
        here.wake();
        assertThat(readUntil(List.of(event.eventId()), event.eventId())).containsExactly(event.eventId());
    }

    private OutboxRelay handMadeRelay(Duration pollInterval, SimpleMeterRegistry registry) {
        Map<String, Object> config = Map.of("bootstrap.servers", TestInfrastructure.kafka().bootstrapServers(),
                "key.serializer", StringSerializer.class, "value.serializer", StringSerializer.class);
        return new OutboxRelay(OutboxAutoConfiguration.relayConnections(datasourceUrl, datasourceUser, datasourcePassword),
                () -> new KafkaProducer<>(config), 200, pollInterval, Duration.ofSeconds(3), registry);
    }

    private int relaySessions() {
        return jdbc.sql("SELECT count(*) FROM pg_stat_activity WHERE application_name = ? AND datname = current_database()")
                .param(OutboxRelay.APPLICATION_NAME).query(Integer.class).single();
    }

    @Test
    void publishingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> outbox.publish(cancelled("psr_x"))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void brokerOutageDelaysEventsButLosesNone() {
        EmbeddedKafkaServer kafka = TestInfrastructure.stoppableKafka();
        String pauseId = "psr_" + UUID.randomUUID();
        List<PauseCancelled> events = IntStream.range(0, 5).mapToObj(i -> cancelled(pauseId)).toList();
        double failuresBefore = meters.counter("pausepoint.outbox.failures").count();
        kafka.stop();
        try {
            transactions.executeWithoutResult(status -> events.forEach(outbox::publish));
            assertThat(backlog()).as("committed while the broker is down, waiting in the table").isEqualTo(5);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                    meters.counter("pausepoint.outbox.failures").count()).as("relay gave up, rolled back, backs off")
                    .isGreaterThan(failuresBefore));
            assertThat(backlog()).as("a failed batch leaves its rows").isEqualTo(5);
            // The gauges are read at most every 5 s: an operator sees the rows wait and grow old.
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(gauge("pausepoint.outbox.backlog")).isGreaterThanOrEqualTo(5);
                assertThat(gauge("pausepoint.outbox.oldest.age")).isGreaterThanOrEqualTo(1);
            });
        } finally {
            kafka.restart();
        }
        List<String> wanted = events.stream().map(PauseCancelled::eventId).toList();
        assertThat(readUntil(wanted, wanted.get(wanted.size() - 1))).containsExactlyElementsOf(wanted);
        await().atMost(Duration.ofSeconds(30)).until(() -> backlog() == 0);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(gauge("pausepoint.outbox.backlog")).isZero();
            assertThat(gauge("pausepoint.outbox.oldest.age")).as("nothing waiting is no age").isZero();
        });
    }

    @Test
    void consumerLedgerAcceptsAnEventOnce() {
        String eventId = "evt_" + UUID.randomUUID();
        assertThat(processedEvents.firstDelivery("audit", eventId)).isTrue();
        assertThat(processedEvents.firstDelivery("audit", eventId)).isFalse();
        assertThat(processedEvents.firstDelivery("delivery-status", eventId)).as("another consumer").isTrue();
    }

    /** The wanted event ids seen on pause.events.v1, in order, read until {@code last} arrives. */
    private static List<String> readUntil(List<String> wanted, String last) {
        return EventReader.read(Topics.PAUSE_EVENTS, event -> wanted.contains(event.eventId()),
                        events -> events.stream().anyMatch(event -> event.eventId().equals(last)))
                .stream().map(Event::eventId).toList();
    }
}
