package dev.pausepoint.delivery.channel;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A reminder is marked as one on every channel (docs/api-reference.md, "Channels"); a first message is not. */
class ReminderRenderingTest {

    private static final String URL = "https://pausepoint.example/respond/abc.def";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void anSmsReminderSaysSoAndStillKeepsItsLinkWholeWithinTheCap() {
        assertThat(MessageRenderer.sms("Deploy?", URL, 4, true))
                .isEqualTo("[PausePoint] Reminder: Deploy?\n\nRespond here: " + URL);
        assertThat(MessageRenderer.sms("Deploy?", URL, 4, false)).isEqualTo(MessageRenderer.sms("Deploy?", URL, 4));
        String longReminder = MessageRenderer.sms("x".repeat(2000), URL, 4, true);
        assertThat(longReminder).startsWith("[PausePoint] Reminder: xxx").endsWith("...\n\nRespond here: " + URL);
        assertThat(SmsSegments.count(longReminder)).isEqualTo(4);
    }

    @Test
    void anEmailReminderHasItsSubjectPrefixed() {
        assertThat(MessageRenderer.emailSubject(true)).isEqualTo("Reminder: Action required from your AI agent");
        assertThat(MessageRenderer.emailSubject(false)).isEqualTo(MessageRenderer.EMAIL_SUBJECT);
        assertThat(MessageRenderer.sandbox("email", "Deploy?", List.of("Yes", "No"), URL, 4, true))
                .startsWith("Subject: Reminder: Action required from your AI agent\n\nDeploy?");
    }

    @Test
    void aSlackReminderHasItsHeaderPrefixed() {
        JsonNode payload = JSON.readTree(MessageRenderer.slackPayload("Deploy?", List.of("Yes", "No"), URL, true));
        assertThat(payload.get("text").asString()).isEqualTo("Reminder: Action required from an AI agent: Deploy?");
        assertThat(payload.get("blocks").get(0).get("text").get("text").asString())
                .isEqualTo("Reminder: Action required from an AI agent");
        assertThat(MessageRenderer.slackPayload("Deploy?", List.of("Yes", "No"), URL, false))
                .isEqualTo(MessageRenderer.slackPayload("Deploy?", List.of("Yes", "No"), URL));
    }
}
