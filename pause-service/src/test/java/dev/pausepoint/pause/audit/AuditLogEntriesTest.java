package dev.pausepoint.pause.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.events.account.ApiKeyRotated;
import dev.pausepoint.events.account.DeveloperRegistered;
import dev.pausepoint.events.account.PlanChanged;
import dev.pausepoint.events.pause.PauseCancelled;
import dev.pausepoint.events.pause.PauseCreated;
import dev.pausepoint.events.pause.PauseTimedOut;
import dev.pausepoint.events.webhook.WebhookDeleted;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What each kept event says in the audit log, without a database: scope, actor, address and detail. */
class AuditLogEntriesTest {

    private static final Instant AT = Instant.parse("2026-11-25T10:15:30Z");

    @Test
    void aCreatedPauseIsTheCallersWithoutTheHumansLink() {
        NewAuditEntry entry = AuditLog.entryFor(new PauseCreated("evt_1", AT, 1, "psr_1", "dev_1", true, "sms",
                "+14155550123", "Deploy?", List.of("Yes", "No"), false, null, Map.of("run", "r"),
                "https://pause.example.com/respond/secret", AT.plusSeconds(3600), "203.0.113.5")).orElseThrow();
        assertThat(entry).isEqualTo(new NewAuditEntry("evt_1", AT, "pause.created", "dev_1", true, "psr_1",
                Map.of("channel", "sms", "recipient", "+14155550123", "expires_at", "2026-11-25T11:15:30Z"),
                "203.0.113.5"));
        assertThat(entry.detail().keySet()).as("in the documented order").containsExactly("channel", "recipient",
                "expires_at");
        assertThat(entry.actor()).isEqualTo("developer");
    }

    @Test
    void aTimeoutIsTheSystemsAndHasNoAddress() {
        NewAuditEntry entry = AuditLog.entryFor(new PauseTimedOut("evt_2", AT, 1, "psr_1", "dev_1", false, "No", AT,
                null)).orElseThrow();
        assertThat(entry.actor()).isEqualTo("system");
        assertThat(entry.ip()).isNull();
        assertThat(entry.livemode()).isFalse();
        assertThat(entry.pauseId()).isEqualTo("psr_1");
        assertThat(entry.detail()).isEqualTo(Map.of("choice", "No"));
    }

    @Test
    void aCancelSaysNothingMoreThanWhoAndWhen() {
        NewAuditEntry entry = AuditLog.entryFor(new PauseCancelled("evt_3", AT, 1, "psr_1", "dev_1", true, AT, null,
                "203.0.113.5")).orElseThrow();
        assertThat(entry.detail()).isEmpty();
        assertThat(entry.ip()).isEqualTo("203.0.113.5");
    }

    @Test
    void accountEntriesBelongToBothWorldsAndToNoPause() {
        for (var event : List.of(
                new DeveloperRegistered("evt_4", AT, 1, "dev_1", "ada@example.com", "Ada", "free", "198.51.100.1"),
                new ApiKeyRotated("evt_5", AT, 1, "dev_1", "live", "hash", "pp_live_ab", "198.51.100.1"))) {
            NewAuditEntry entry = AuditLog.entryFor(event).orElseThrow();
            assertThat(entry.livemode()).as("null: both worlds").isNull();
            assertThat(entry.pauseId()).isNull();
            assertThat(entry.ip()).isEqualTo("198.51.100.1");
        }
    }

    @Test
    void webhookEntriesBelongToTheirWorldAndToNoPause() {
        NewAuditEntry entry = AuditLog.entryFor(new WebhookDeleted("evt_6", AT, 1, "dev_1", false, "whk_1",
                "198.51.100.1")).orElseThrow();
        assertThat(entry.livemode()).isFalse();
        assertThat(entry.pauseId()).isNull();
        assertThat(entry.detail()).isEqualTo(Map.of("webhook_id", "whk_1"));
    }

    @Test
    void eventsTheLogDoesNotKeepMakeNoEntry() {
        assertThat(AuditLog.entryFor(new PlanChanged("evt_7", AT, 1, "dev_1", "free", "pro"))).isEmpty();
    }
}
