package dev.pausepoint.pause.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pausepoint.events.Event;
import dev.pausepoint.events.Topics;
import dev.pausepoint.events.pause.PauseCreated;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.kit.EventReader;
import dev.pausepoint.pause.PauseApiTest;
import dev.pausepoint.testsupport.TestInfrastructure;
import dev.pausepoint.testsupport.embedded.EmbeddedKafkaServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The outbox's promise: nothing is lost when Kafka is down; events go out when it is back. */
class KafkaOutageTest extends PauseApiTest {

    @Autowired
    JdbcClient jdbc;

    private int backlog() {
        return jdbc.sql("SELECT count(*) FROM outbox_event").query(Integer.class).single();
    }

    @Test
    void createsSucceedWhileTheBrokerIsDownAndEveryEventIsPublishedWhenItReturns() {
        EmbeddedKafkaServer kafka = TestInfrastructure.stoppableKafka();
        CallerIdentity caller = developer("free", KeyMode.LIVE);
        List<String> created = new ArrayList<>();
        kafka.stop();
        try {
            for (int i = 0; i < 5; i++) {
                created.add(createdId(caller, SMS_PAUSE));
            }
            assertThat(backlog()).as("the events wait in the outbox").isGreaterThanOrEqualTo(5);
        } finally {
            kafka.restart();
        }
        // The relay backs off while the broker is away; once it has drained the outbox, fence and read.
        await().atMost(Duration.ofSeconds(60)).until(() -> backlog() == 0);
        Set<String> ours = new HashSet<>(created);
        List<Event> events = EventReader.readFenced(Topics.PAUSE_EVENTS,
                event -> event instanceof PauseCreated c && ours.contains(c.pauseId()));
        assertThat(events.stream().map(event -> ((PauseCreated) event).pauseId()))
                .containsExactlyInAnyOrderElementsOf(created);
    }
}
