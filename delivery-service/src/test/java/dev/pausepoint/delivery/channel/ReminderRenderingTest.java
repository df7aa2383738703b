package dev.pausepoint.delivery.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.kit.asker.Asker;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A reminder is marked as one on every channel, before the sender it names (docs/api-reference.md,
 * "Channels"); a first message is not.
 */
class ReminderRenderingTest {

    private static final String URL = "https://pausepoint.example/respond/abc.def";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Asker ACME = new Asker("Acme Robotics", "deploy-bot");
    private static final Asker UNKNOWN = Asker.unknown();

    private static OutgoingMessage message(Asker asker, boolean reminder) {
        return new OutgoingMessage("psr_1", "approver@example.com", "Deploy?", List.of("Yes", "No"), URL, asker,
                Asker.silence(Instant.parse("2026-12-01T14:00:00Z"), "No"), reminder ? 1 : 0, reminder);
    }

    @Test
    void anSmsReminderSaysSoBeforeItsSenderAndStillKeepsItsLinkWholeWithinTheCap() {
        assertThat(MessageRenderer.sms(ACME, "Deploy?", URL, 4, true))
                .isEqualTo("[PausePoint] Reminder: Acme Robotics asks, via deploy-bot: Deploy?\n\nRespond here: " + URL);
        assertThat(MessageRenderer.sms(UNKNOWN, "Deploy?", URL, 4, true))
                .isEqualTo("[PausePoint] Reminder: Deploy?\n\nRespond here: " + URL);
        assertThat(MessageRenderer.sms(ACME, "Deploy?", URL, 4, false)).isEqualTo(MessageRenderer.sms(ACME, "Deploy?", URL, 4));
        String longReminder = MessageRenderer.sms(UNKNOWN, "x".repeat(2000), URL, 4, true);
        assertThat(longReminder).startsWith("[PausePoint] Reminder: xxx").endsWith("...\n\nRespond here: " + URL);
        assertThat(SmsSegments.count(longReminder)).isEqualTo(4);
    }

    @Test
    void anEmailReminderHasItsSubjectPrefixed() {
        assertThat(MessageRenderer.emailSubject(ACME, true)).isEqualTo("Reminder: Acme Robotics needs your answer");
        assertThat(MessageRenderer.emailSubject(UNKNOWN, true)).isEqualTo("Reminder: Action required from your AI agent");
        assertThat(MessageRenderer.emailSubject(ACME, false)).isEqualTo("Acme Robotics needs your answer");
        assertThat(MessageRenderer.sandbox("email", message(ACME, true), 4))
                .startsWith("Subject: Reminder: Acme Robotics needs your answer\n\n");
    }

    @Test
    void aSlackReminderHasItsHeaderPrefixed() {
        JsonNode payload = JSON.readTree(MessageRenderer.slackPayload(message(ACME, true)));
        assertThat(payload.get("text").asString()).isEqualTo("Reminder: Acme Robotics needs your answer: Deploy?");
        assertThat(payload.get("blocks").get(0).get("text").get("text").asString())
                .isEqualTo("Reminder: Acme Robotics needs your answer");
        assertThat(JSON.readTree(MessageRenderer.slackPayload(message(ACME, false))).get("text").asString())
                .isEqualTo("Acme Robotics needs your answer: Deploy?");
    }
}
