package dev.pausepoint.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ModelJsonTest {

    static final String PAUSE = """
            {"pause_id": "psr_0b6c1d2e-0000-4000-8000-000000000001", "status": "responded", "livemode": false,
             "channel": "sms", "recipient": "+14155550100", "message": "Deploy?", "options": ["Deploy", "Hold"],
             "allow_text_response": true, "timeout_default": "Hold", "metadata": {"run": 12345678901234567890123},
             "created_at": "2026-11-25T09:30:00Z", "expires_at": "2026-11-26T09:30:00Z",
             "respond_url": "http://localhost:8080/respond/tok", "response_choice": "Deploy", "response_text": "go",
             "response_at": "2026-11-25T09:31:00Z", "cancelled_at": null,
             "delivery": {"status": "sandbox", "attempts": 0, "last_error": null, "updated_at": "2026-11-25T09:30:01Z",
                          "sandbox_message": "[PausePoint] Deploy?"},
             "added_later": "ignored"}""";

    @Test
    void aPauseReadsEveryFieldByItsWireName() {
        Pause pause = Json.MAPPER.readValue(PAUSE, Pause.class);

        assertThat(pause.status()).isEqualTo(PauseStatus.RESPONDED);
        assertThat(pause.isPending()).isFalse();
        assertThat(pause.channel()).isEqualTo(Channel.SMS);
        assertThat(pause.options()).containsExactly("Deploy", "Hold");
        assertThat(pause.allowTextResponse()).isTrue();
        assertThat(pause.metadata().get("run").bigIntegerValue()).hasToString("12345678901234567890123");
        assertThat(pause.responseAt()).isEqualTo(Instant.parse("2026-11-25T09:31:00Z"));
        assertThat(pause.cancelledAt()).isNull();
        assertThat(pause.delivery().sandboxMessage()).isEqualTo("[PausePoint] Deploy?");
    }

    @Test
    void aStatusAddedLaterReadsAsUnknown() {
        Pause pause = Json.MAPPER.readValue(PAUSE.replace("\"responded\"", "\"escalated\""), Pause.class);

        assertThat(pause.status()).isEqualTo(PauseStatus.UNKNOWN);
    }

    @Test
    void aCreateRequestWritesWireNamesAndLeavesUnsetFieldsToTheServer() {
        CreatePauseRequest request = CreatePauseRequest.builder().channel(Channel.EMAIL).recipient("a@example.com")
                .message("Ship?").options("Yes", "No").timeoutHours(2).metadata(Map.of("amount", new java.math.BigDecimal("0.10")))
                .build();

        JsonNode json = Json.MAPPER.valueToTree(request);

        assertThat(json.get("channel").asString()).isEqualTo("email");
        assertThat(json.get("timeout_hours").asInt()).isEqualTo(2);
        assertThat(json.has("allow_text_response")).isFalse();
        assertThat(json.has("timeout_default")).isFalse();
        assertThat(json.get("metadata").get("amount").decimalValue()).isEqualTo(new java.math.BigDecimal("0.10"));
    }

    static final String PAUSE_WITH_SCHEDULE = PAUSE.replace("\"added_later\": \"ignored\"}", """
            "agent_name": "deploy-bot",
             "deliveries": [
              {"notification": 0, "kind": "initial", "step": null, "reminder": null, "channel": "sms",
               "recipient": "+14155550100", "due_at": "2026-11-25T09:30:00Z", "status": "sandbox", "attempts": 0,
               "last_error": null, "updated_at": "2026-11-25T09:30:01Z"},
              {"notification": 1, "kind": "reminder", "step": null, "reminder": 1, "channel": "sms",
               "recipient": "+14155550100", "due_at": "2026-11-25T10:00:00Z", "status": "skipped", "attempts": 0,
               "last_error": null, "updated_at": null},
              {"notification": 2, "kind": "escalation", "step": 1, "reminder": null, "channel": "email",
               "recipient": "lead@example.com", "due_at": "2026-11-25T10:30:00Z", "status": "failed", "attempts": 3,
               "last_error": "mailbox full", "updated_at": "2026-11-25T10:31:00Z"}]}""");

    @Test
    void aPauseReadsItsAgentAndEveryNotificationInDueOrder() {
        Pause pause = Json.MAPPER.readValue(PAUSE_WITH_SCHEDULE, Pause.class);

        assertThat(pause.agentName()).isEqualTo("deploy-bot");
        assertThat(pause.deliveries()).extracting(Pause.Notification::notification).containsExactly(0, 1, 2);
        assertThat(pause.deliveries()).extracting(Pause.Notification::kind)
                .containsExactly(NotificationKind.INITIAL, NotificationKind.REMINDER, NotificationKind.ESCALATION);
        assertThat(pause.deliveries()).extracting(Pause.Notification::status)
                .containsExactly(DeliveryStatus.SANDBOX, DeliveryStatus.SKIPPED, DeliveryStatus.FAILED);
        Pause.Notification escalation = pause.deliveries().get(2);
        assertThat(escalation.step()).isEqualTo(1);
        assertThat(escalation.reminder()).isNull();
        assertThat(escalation.channel()).isEqualTo(Channel.EMAIL);
        assertThat(escalation.recipient()).isEqualTo("lead@example.com");
        assertThat(escalation.dueAt()).isEqualTo(Instant.parse("2026-11-25T10:30:00Z"));
        assertThat(escalation.attempts()).isEqualTo(3);
        assertThat(escalation.lastError()).isEqualTo("mailbox full");
        assertThat(pause.deliveries().get(1).reminder()).isEqualTo(1);
        assertThat(pause.deliveries().get(1).updatedAt()).isNull();
    }

    @Test
    void aKindOrDeliveryStatusAddedLaterReadsAsUnknown() {
        Pause pause = Json.MAPPER.readValue(PAUSE_WITH_SCHEDULE.replace("\"reminder\", \"step\"", "\"digest\", \"step\"")
                .replace("\"skipped\"", "\"throttled\""), Pause.class);

        assertThat(pause.deliveries().get(1).kind()).isEqualTo(NotificationKind.UNKNOWN);
        assertThat(pause.deliveries().get(1).status()).isEqualTo(DeliveryStatus.UNKNOWN);
    }

    @Test
    void aPauseFromAServerWithoutTheScheduleHasNoAgentAndNoDeliveries() {
        Pause pause = Json.MAPPER.readValue(PAUSE, Pause.class);

        assertThat(pause.agentName()).isNull();
        assertThat(pause.deliveries()).isEmpty();
    }

    @Test
    void aCreateWithoutTheNewFieldsWritesExactlyWhatItWroteBefore() {
        CreatePauseRequest request = CreatePauseRequest.builder().channel(Channel.SMS).recipient("+14155550100")
                .message("Deploy?").options("Deploy", "Hold").timeoutDefault("Hold").build();

        assertThat(Json.MAPPER.writeValueAsString(request)).isEqualTo("{\"channel\":\"sms\",\"recipient\":\"+14155550100\","
                + "\"message\":\"Deploy?\",\"options\":[\"Deploy\",\"Hold\"],\"timeout_default\":\"Hold\"}");
    }

    @Test
    void aCreateWritesTheAgentRemindersAndEscalationByTheirWireNames() {
        CreatePauseRequest request = CreatePauseRequest.builder().to(TestRecipients.sms().choose(2))
                .message("Deploy?").options("Approve", "Reject").agentName("deploy-bot").reminders(30, 2)
                .escalateAfter(60, Channel.EMAIL, "lead@example.com")
                .escalate(CreatePauseRequest.EscalationStep.to(90, TestRecipients.slack().choose(1)))
                .build();

        assertThat(Json.MAPPER.writeValueAsString(request)).isEqualTo("{\"channel\":\"sms\",\"recipient\":\"+15005550002\","
                + "\"message\":\"Deploy?\",\"options\":[\"Approve\",\"Reject\"],\"agent_name\":\"deploy-bot\","
                + "\"reminders\":{\"every_minutes\":30,\"max\":2},"
                + "\"escalation\":[{\"after_minutes\":60,\"channel\":\"email\",\"recipient\":\"lead@example.com\"},"
                + "{\"after_minutes\":90,\"channel\":\"slack\","
                + "\"recipient\":\"https://hooks.slack.com/services/PAUSEPOINT/TEST/choose-1\"}]}");
    }

    @Test
    void aResponseLinkShowsWhoIsAskingAndWhatSilenceMeans() {
        RespondLink link = Json.MAPPER.readValue("""
                {"pause_id": "psr_1", "message": "Deploy?", "options": ["Approve", "Reject"],
                 "allow_text_response": false, "status": "pending", "expires_at": "2026-12-01T14:00:00Z",
                 "requested_by": {"account_name": "Acme Ops", "agent_name": "deploy-bot"}, "timeout_default": "Reject"}
                """, RespondLink.class);

        assertThat(link.requestedBy()).isEqualTo(new RespondLink.RequestedBy("Acme Ops", "deploy-bot"));
        assertThat(link.timeoutDefault()).isEqualTo("Reject");

        RespondLink withoutAgent = Json.MAPPER.readValue("""
                {"pause_id": "psr_1", "message": "Deploy?", "options": ["Approve", "Reject"], "status": "pending",
                 "requested_by": {"account_name": "Acme Ops", "agent_name": null}, "timeout_default": null}
                """, RespondLink.class);
        assertThat(withoutAgent.requestedBy().agentName()).isNull();
        assertThat(withoutAgent.timeoutDefault()).isNull();
    }

    @Test
    void enumsAreWrittenInLowerCase() {
        assertThat(Json.MAPPER.writeValueAsString(PauseStatus.TIMED_OUT)).isEqualTo("\"timed_out\"");
        assertThat(Json.MAPPER.readValue("\"test\"", Mode.class)).isEqualTo(Mode.TEST);
    }
}
