package dev.pausepoint.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.client.Channel;
import dev.pausepoint.client.DeliveryStatus;
import dev.pausepoint.client.NotificationKind;
import dev.pausepoint.client.Pause;
import dev.pausepoint.client.PauseStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PauseViewTest {

    private static Pause pause(boolean livemode, PauseStatus status, String choice) {
        return new Pause("psr_1", status, livemode, Channel.SMS, "+14155550100", "Deploy?", List.of("Deploy", "Hold"),
                true, "Hold", null, Instant.parse("2026-12-01T04:00:00Z"), Instant.parse("2026-12-02T04:00:00Z"),
                "http://localhost:8080/respond/tok", choice, choice == null ? null : "ok",
                choice == null ? null : Instant.parse("2026-12-01T04:05:00Z"), null, null, null, List.of());
    }

    @Test
    void showsTheAgentAndEveryNotificationByItsWireNames() {
        Pause pause = new Pause("psr_2", PauseStatus.PENDING, false, Channel.SMS, "+15005550002", "Deploy?",
                List.of("Approve", "Reject"), false, null, null, Instant.parse("2026-12-01T04:00:00Z"),
                Instant.parse("2026-12-02T04:00:00Z"), null, null, null, null, null, null, "Deploy assistant",
                List.of(new Pause.Notification(0, NotificationKind.INITIAL, null, null, Channel.SMS, "+15005550002",
                                Instant.parse("2026-12-01T04:00:00Z"), DeliveryStatus.SANDBOX, 0, null,
                                Instant.parse("2026-12-01T04:00:01Z")),
                        new Pause.Notification(1, NotificationKind.ESCALATION, 1, null, Channel.EMAIL, "lead@example.com",
                                Instant.parse("2026-12-01T05:00:00Z"), DeliveryStatus.SCHEDULED, 0, null, null)));

        Map<String, Object> view = PauseView.of(pause);

        assertThat(view).containsEntry("agent_name", "Deploy assistant");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> deliveries = (List<Map<String, Object>>) view.get("deliveries");
        assertThat(deliveries).hasSize(2);
        assertThat(deliveries.get(0)).containsEntry("notification", 0).containsEntry("kind", "initial")
                .containsEntry("status", "sandbox").containsEntry("due_at", "2026-12-01T04:00:00Z");
        assertThat(deliveries.get(1)).containsOnlyKeys("notification", "kind", "step", "reminder", "channel",
                "recipient", "due_at", "status", "attempts", "last_error", "updated_at")
                .containsEntry("kind", "escalation").containsEntry("step", 1).containsEntry("reminder", null)
                .containsEntry("channel", "email").containsEntry("recipient", "lead@example.com")
                .containsEntry("status", "scheduled").containsEntry("updated_at", null);
    }

    @Test
    void aPauseWithoutAgentOrScheduleShowsNullAndAnEmptyList() {
        Map<String, Object> view = PauseView.of(pause(false, PauseStatus.PENDING, null));
        assertThat(view).containsEntry("agent_name", null).containsEntry("deliveries", List.of());
    }

    @Test
    void showsTheAnswerUnderTheShortNamesAndTheApisFieldNames() {
        Map<String, Object> view = PauseView.of(pause(false, PauseStatus.RESPONDED, "Deploy"));
        assertThat(view).containsEntry("pause_id", "psr_1").containsEntry("status", "responded")
                .containsEntry("choice", "Deploy").containsEntry("text", "ok")
                .containsEntry("response_at", "2026-12-01T04:05:00Z").containsEntry("expires_at", "2026-12-02T04:00:00Z")
                .containsEntry("channel", "sms").containsEntry("timeout_default", "Hold")
                .containsEntry("livemode", false).doesNotContainKey("next_step");
    }

    @Test
    void aLivePausesLinkIsNeverShownForItIsTheHumansCredential() {
        assertThat(PauseView.of(pause(true, PauseStatus.PENDING, null))).doesNotContainKey("respond_url");
        assertThat(PauseView.of(pause(false, PauseStatus.PENDING, null)))
                .containsEntry("respond_url", "http://localhost:8080/respond/tok");
    }

    @Test
    void aPendingResultTellsTheModelToWaitForTheSamePause() {
        Map<String, Object> view = PauseView.stillPending(pause(false, PauseStatus.PENDING, null), "Nobody answered.");
        assertThat(view).containsEntry("status", "pending").containsEntry("choice", null);
        assertThat((String) view.get("next_step")).startsWith("Nobody answered.").contains("wait_for_pause")
                .contains("\"psr_1\"").contains("2026-12-02T04:00:00Z").contains("\"Hold\" is recorded");
    }

    @Test
    void statusesAddedLaterReadAsUnknown() {
        assertThat(PauseView.of(pause(false, PauseStatus.UNKNOWN, null))).containsEntry("status", "unknown");
    }
}
