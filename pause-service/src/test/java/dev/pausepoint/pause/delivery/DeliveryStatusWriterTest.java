package dev.pausepoint.pause.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.events.Event;
import dev.pausepoint.events.EventIds;
import dev.pausepoint.events.delivery.NotificationDelivered;
import dev.pausepoint.events.delivery.NotificationFailed;
import dev.pausepoint.events.delivery.NotificationSent;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.pause.PauseApiTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sends of one transaction are written together, and every pause must still end as writing each
 * event in turn leaves it: each sequence below is written once in one transaction and once event by event,
 * to two pauses, and their delivery columns must match.
 */
class DeliveryStatusWriterTest extends PauseApiTest {

    private static final Instant T = Instant.parse("2026-11-30T12:00:00.123456Z");

    @Autowired
    DeliveryStatusRepository deliveries;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    JdbcClient jdbc;

    private final CallerIdentity caller = developer("free", KeyMode.LIVE);

    @Test
    void retriesAndReplaysOfASendInOneTransactionLeaveThePauseAsOneByOne() {
        sameEnd(id -> List.of(sent(id, 1, T, false, null), sent(id, 3, T.plusSeconds(20), false, null),
                sent(id, 2, T.plusSeconds(10), false, null), sent(id, 1, T.minusSeconds(5), false, null)),
                Map.of("delivery_status", "sent", "delivery_attempts", 3));
    }

    @Test
    void aDeliveryOrFailureBetweenSendsKeepsItsPlaceInTheOrder() {
        sameEnd(id -> List.of(sent(id, 1, T, false, null), delivered(id, T.plusSeconds(1)),
                sent(id, 2, T.plusSeconds(2), false, null), failed(id, 3, T.plusSeconds(3))),
                Map.of("delivery_status", "delivered", "delivery_attempts", 1));
        sameEnd(id -> List.of(sent(id, 1, T, false, null), failed(id, 2, T.plusSeconds(1)),
                sent(id, 3, T.plusSeconds(2), false, null), delivered(id, T.plusSeconds(3))),
                Map.of("delivery_status", "failed", "delivery_attempts", 2));
    }

    @Test
    void aSandboxSendKeepsTheLastMessageItCarried() {
        sameEnd(id -> List.of(sent(id, 1, T, true, "first"), sent(id, 1, T, true, null),
                sent(id, 1, T.plusSeconds(1), true, "second")),
                Map.of("delivery_status", "sandbox", "delivery_sandbox_message", "second"));
    }

    /** A test recipient that fails delivery (docs/testing.md): its sandbox message stays, the status fails. */
    @Test
    void aSandboxSendThenAFailureKeepsTheMessageAndFails() {
        sameEnd(id -> List.of(sent(id, 0, T, true, "would have gone out"), failed(id, 0, T),
                sent(id, 0, T, true, "would have gone out")),
                Map.of("delivery_status", "failed", "delivery_sandbox_message", "would have gone out"));
    }

    @Test
    void manyPausesInOneTransactionEachGetTheirOwnSend() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(createdId(caller, SMS_PAUSE));
        }
        transactions.executeWithoutResult(status -> {
            DeliveryStatusWriter writer = new DeliveryStatusWriter(deliveries);
            for (int i = 0; i < ids.size(); i++) {
                writer.add(sent(ids.get(i), i + 1, T.plusSeconds(i), i % 2 == 0, i % 2 == 0 ? "m" + i : null));
            }
            writer.finish();
        });
        for (int i = 0; i < ids.size(); i++) {
            Map<String, Object> row = columns(ids.get(i));
            assertThat(row.get("delivery_attempts")).isEqualTo(i + 1);
            assertThat(row.get("delivery_status")).isEqualTo(i % 2 == 0 ? "sandbox" : "sent");
            assertThat(row.get("delivery_sandbox_message")).isEqualTo(i % 2 == 0 ? "m" + i : null);
            assertThat(((java.sql.Timestamp) row.get("delivery_updated_at")).toInstant()).isEqualTo(T.plusSeconds(i));
        }
    }

    /**
     * Writes {@code events} (made for a pause id) to one new pause in one transaction and to another event by
     * event; both must end with the same delivery columns, and with {@code expected} among them.
     */
    private void sameEnd(Function<String, List<Event>> events, Map<String, Object> expected) {
        String together = createdId(caller, SMS_PAUSE);
        String oneByOne = createdId(caller, SMS_PAUSE);
        transactions.executeWithoutResult(status -> {
            DeliveryStatusWriter writer = new DeliveryStatusWriter(deliveries);
            events.apply(together).forEach(writer::add);
            writer.finish();
        });
        for (Event event : events.apply(oneByOne)) {
            transactions.executeWithoutResult(status -> {
                DeliveryStatusWriter writer = new DeliveryStatusWriter(deliveries);
                writer.add(event);
                writer.finish();
            });
        }
        Map<String, Object> written = columns(together);
        assertThat(written).isEqualTo(columns(oneByOne));
        assertThat(written).containsAllEntriesOf(expected);
    }

    private Map<String, Object> columns(String id) {
        return jdbc.sql("""
                SELECT delivery_status, delivery_attempts, delivery_updated_at, delivery_last_error,
                    delivery_sandbox_message FROM pause WHERE id = ?""").param(id).query().singleRow();
    }

    private NotificationSent sent(String id, int attempt, Instant at, boolean sandbox, String message) {
        return new NotificationSent(EventIds.newEventId(), at.truncatedTo(ChronoUnit.MICROS), 1, id,
                caller.developerId(), !sandbox, "sms", attempt, "SM" + attempt, sandbox, message);
    }

    private NotificationDelivered delivered(String id, Instant at) {
        return new NotificationDelivered(EventIds.newEventId(), at, 1, id, caller.developerId(), true, "sms", "SM1");
    }

    private NotificationFailed failed(String id, int attempts, Instant at) {
        return new NotificationFailed(EventIds.newEventId(), at, 1, id, caller.developerId(), true, "sms", attempts,
                "bounced at attempt " + attempts);
    }
}
