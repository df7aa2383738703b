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

    @Test
    void enumsAreWrittenInLowerCase() {
        assertThat(Json.MAPPER.writeValueAsString(PauseStatus.TIMED_OUT)).isEqualTo("\"timed_out\"");
        assertThat(Json.MAPPER.readValue("\"test\"", Mode.class)).isEqualTo(Mode.TEST);
    }
}
