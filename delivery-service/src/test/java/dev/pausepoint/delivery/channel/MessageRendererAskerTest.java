package dev.pausepoint.delivery.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.kit.asker.Asker;
import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import java.time.Instant;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Every channel names who asks the same way (docs/api-reference.md, "Channels"). */
class MessageRendererAskerTest {

    private static final TemplateEngine TEMPLATES = TemplateEngine.createPrecompiled(ContentType.Html);
    private static final String URL = "https://pausepoint.example/respond/AQE.tok";
    private static final String SUFFIX = "\n\nRespond here: " + URL;
    private static final Asker ACME = new Asker("Acme Robotics", "deploy-bot");
    private static final String SILENCE = Asker.silence(Instant.parse("2026-12-01T14:00:00Z"), "Reject");

    private static OutgoingMessage message(Asker asker, String text) {
        return new OutgoingMessage("psr_1", "approver@example.com", text, List.of("Approve", "Reject"), URL, asker,
                SILENCE, 0, false);
    }

    @Test
    void anSmsNamesTheAccountAndTheAgent() {
        assertThat(MessageRenderer.sms(ACME, "Deploy v2.3?", URL, 4))
                .isEqualTo("[PausePoint] Acme Robotics asks, via deploy-bot: Deploy v2.3?" + SUFFIX);
        assertThat(MessageRenderer.sms(new Asker("Acme Robotics", null), "Deploy v2.3?", URL, 4))
                .isEqualTo("[PausePoint] Acme Robotics asks: Deploy v2.3?" + SUFFIX);
        assertThat(MessageRenderer.sms(new Asker(null, "deploy-bot"), "Deploy v2.3?", URL, 4))
                .as("no account known: as before names were kept").isEqualTo("[PausePoint] Deploy v2.3?" + SUFFIX);
    }

    @Test
    void anSmsWithEmojiAndRightToLeftNamesKeepsThemWhole() {
        Asker asker = new Asker("شركة المثال", "🤖 bot");
        assertThat(MessageRenderer.sms(asker, "Ok?", URL, 4))
                .isEqualTo("[PausePoint] شركة المثال asks, via 🤖 bot: Ok?" + SUFFIX);
    }

    @Test
    void longNamesAreCutAndTheLinkIsNeverCut() {
        Asker asker = new Asker("a".repeat(100), "🤖".repeat(80));
        String sms = MessageRenderer.sms(asker, "x".repeat(2000), URL, 20);
        assertThat(sms).startsWith("[PausePoint] " + "a".repeat(59) + "… asks, via " + "🤖".repeat(59) + "…: xxx")
                .endsWith(SUFFIX);
        assertThat(sms.length()).isLessThanOrEqualTo(MessageRenderer.SMS_MAX);
        assertThat(MessageRenderer.sms(asker, "x", URL, 1)).as("even when nothing of the message fits").endsWith(SUFFIX);
    }

    @Test
    void controlCharactersInANameCannotBreakTheMessage() {
        Asker asker = new Asker("Acme\r\nInjected\u0000", null);
        assertThat(MessageRenderer.sms(asker, "Ok?", URL, 4)).isEqualTo("[PausePoint] Acme  Injected asks: Ok?" + SUFFIX);
        assertThat(MessageRenderer.emailSubject(asker)).isEqualTo("Acme  Injected needs your answer")
                .doesNotContain("\r", "\n", "\u0000");
    }

    @Test
    void theEmailSubjectNamesTheAccount() {
        assertThat(MessageRenderer.emailSubject(ACME)).isEqualTo("Acme Robotics needs your answer");
        assertThat(MessageRenderer.emailSubject(Asker.unknown())).isEqualTo(MessageRenderer.EMAIL_SUBJECT);
        assertThat(MessageRenderer.emailSubject(new Asker("🚀".repeat(61), null)))
                .isEqualTo("🚀".repeat(59) + "… needs your answer");
    }

    @Test
    void theEmailTextNamesAccountAndAgentAndSaysWhatSilenceMeans() {
        assertThat(MessageRenderer.emailText(message(ACME, "Deploy v2.3?"))).isEqualTo("""
                Acme Robotics is asking, through its agent deploy-bot.

                Deploy v2.3?

                Choose one:
                - Approve: %1$s?choice=Approve
                - Reject: %1$s?choice=Reject

                Or open %1$s

                If no one answers by 1 Dec 2026, 14:00 UTC, the agent will go ahead with ‘Reject’.
                """.formatted(URL));
    }

    @Test
    void theEmailHtmlNamesTheSenderEscapedAndIsolated() {
        Asker asker = new Asker("<script>alert(1)</script>", "شركة");
        String raw = MessageRenderer.emailHtml(TEMPLATES, message(asker, "Deploy?"));
        assertThat(raw).doesNotContain("<script").contains("&lt;script&gt;");
        Document email = Jsoup.parse(raw);
        assertThat(email.select("script")).isEmpty();
        assertThat(email.select("td").get(0).text()).isEqualTo("<script>alert(1)</script> needs your answer");
        assertThat(email.select("td.asker").text()).isEqualTo("<script>alert(1)</script> is asking, through its agent شركة.");
        assertThat(email.select("td.asker bdi").eachText()).containsExactly("<script>alert(1)</script>", "شركة");
        assertThat(email.select("td.silence").text()).isEqualTo(SILENCE);
    }

    @Test
    void theSlackHeaderNamesTheAccount() {
        JsonNode payload = JsonMapper.builder().build().readTree(MessageRenderer.slackPayload(message(
                new Asker("Acme <b>&", "deploy-bot"), "Deploy?")));
        assertThat(payload.get("blocks").get(0).get("text").get("text").asString()).isEqualTo("Acme <b>& needs your answer");
        assertThat(payload.get("blocks").get(1).get("elements").get(0).get("text").asString())
                .isEqualTo("Acme &lt;b&gt;&amp; is asking, through its agent deploy-bot");
        assertThat(payload.get("text").asString()).isEqualTo("Acme <b>& needs your answer: Deploy?");
    }

    @Test
    void theSandboxShowsWhatEachChannelWouldHaveSent() {
        OutgoingMessage message = message(ACME, "Deploy?");
        assertThat(MessageRenderer.sandbox("sms", message, 4))
                .isEqualTo("[PausePoint] Acme Robotics asks, via deploy-bot: Deploy?" + SUFFIX);
        assertThat(MessageRenderer.sandbox("email", message, 4))
                .startsWith("Subject: Acme Robotics needs your answer\n\nAcme Robotics is asking, through its agent deploy-bot.")
                .endsWith(SILENCE + "\n");
        assertThat(MessageRenderer.sandbox("slack", message, 4))
                .startsWith("Acme Robotics needs your answer\nAcme Robotics is asking, through its agent deploy-bot\nDeploy?");
    }
}
