package dev.pausepoint.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookVerifierTest {

    private static final String SECRET = "whsec-unit-test-0123456789";
    private static final long SENT = 1_764_500_000L;
    private static final Clock NOW = Clock.fixed(Instant.ofEpochSecond(SENT + 30), ZoneOffset.UTC);
    private static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static byte[] body(long timestamp) {
        return ("{\"event_id\":\"evt_1\",\"event\":\"pause.responded\",\"pause_id\":\"psr_1\",\"developer_id\":\"dev_1\","
                + "\"livemode\":true,\"timestamp\":" + timestamp + ",\"data\":{\"choice\":\"Deploy\",\"text\":\"ok\","
                + "\"response_at\":\"2026-11-30T10:00:00Z\",\"metadata\":{\"n\":1.50}}}").getBytes(StandardCharsets.UTF_8);
    }

    static String sign(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
    }

    private static Map<String, List<String>> headers(String signature, String timestamp) {
        return Map.of("x-pausepoint-signature", List.of(signature), "X-PAUSEPOINT-TIMESTAMP", List.of(timestamp));
    }

    @Test
    void aSignedFreshPostIsTheEventItHoldsWhateverTheHeaderNamesCase() throws Exception {
        byte[] body = body(SENT);

        WebhookEvent event = WebhookVerifier.verify(body, headers(sign(SECRET, body), "" + SENT), SECRET, TOLERANCE, NOW);

        assertThat(event.eventId()).isEqualTo("evt_1");
        assertThat(event.event()).isEqualTo(WebhookEvent.PAUSE_RESPONDED);
        assertThat(event.pauseId()).isEqualTo("psr_1");
        assertThat(event.livemode()).isTrue();
        assertThat(event.timestamp()).isEqualTo(Instant.ofEpochSecond(SENT));
        assertThat(event.data().choice()).isEqualTo("Deploy");
        assertThat(event.data().responseAt()).isEqualTo(Instant.parse("2026-11-30T10:00:00Z"));
        assertThat(event.data().metadata().get("n").decimalValue()).isEqualByComparingTo("1.50");
    }

    /** A signed, fresh notification event ({@code pause.reminded}, {@code pause.escalated}) with this data. */
    private static WebhookEvent notificationEvent(String event, String data) throws Exception {
        byte[] body = ("{\"event_id\":\"evt_2\",\"event\":\"" + event + "\",\"pause_id\":\"psr_1\","
                + "\"developer_id\":\"dev_1\",\"livemode\":false,\"timestamp\":" + SENT + ",\"data\":" + data + "}")
                .getBytes(StandardCharsets.UTF_8);
        return WebhookVerifier.verify(body, headers(sign(SECRET, body), "" + SENT), SECRET, TOLERANCE, NOW);
    }

    @Test
    void aReminderOrEscalationEventCarriesWhichNotificationWentOut() throws Exception {
        WebhookEvent event = notificationEvent("pause.escalated", "{\"notification\":2,\"kind\":\"escalation\","
                + "\"step\":1,\"reminder\":null,\"channel\":\"email\",\"metadata\":{\"run\":7}}");

        assertThat(event.event()).isEqualTo(WebhookEvent.PAUSE_ESCALATED);
        assertThat(event.data().notification()).isEqualTo(2);
        assertThat(event.data().kind()).isEqualTo(NotificationKind.ESCALATION);
        assertThat(event.data().step()).isEqualTo(1);
        assertThat(event.data().reminder()).isNull();
        assertThat(event.data().channel()).isEqualTo(Channel.EMAIL);
        assertThat(event.data().metadata().get("run").asInt()).isEqualTo(7);
        assertThat(event.data().choice()).isNull();
    }

    @Test
    void aKindOrChannelAddedLaterStillVerifies() throws Exception {
        WebhookEvent event = notificationEvent("pause.reminded", "{\"notification\":1,\"kind\":\"nudge\","
                + "\"step\":null,\"reminder\":1,\"channel\":\"carrier-pigeon\",\"metadata\":null}");

        assertThat(event.event()).isEqualTo(WebhookEvent.PAUSE_REMINDED);
        assertThat(event.data().kind()).isEqualTo(NotificationKind.UNKNOWN);
        assertThat(event.data().channel()).isNull();
        assertThat(event.data().reminder()).isEqualTo(1);
    }

    @Test
    void aTerminalEventHasNoNotificationFields() throws Exception {
        byte[] body = body(SENT);

        WebhookEvent event = WebhookVerifier.verify(body, headers(sign(SECRET, body), "" + SENT), SECRET, TOLERANCE, NOW);

        assertThat(event.data().notification()).isNull();
        assertThat(event.data().kind()).isNull();
        assertThat(event.data().channel()).isNull();
    }

    @Test
    void aSignatureUnderAnotherSecretIsRefused() throws Exception {
        byte[] body = body(SENT);

        assertThatThrownBy(() -> WebhookVerifier.verify(body, headers(sign("another-secret-0123456", body), "" + SENT),
                SECRET, TOLERANCE, NOW)).isInstanceOf(WebhookVerificationException.class).hasMessageContaining("signature");
    }

    @Test
    void aChangedBodyIsRefused() throws Exception {
        String signature = sign(SECRET, body(SENT));
        byte[] changed = new String(body(SENT), StandardCharsets.UTF_8).replace("Deploy", "Hold")
                .getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> WebhookVerifier.verify(changed, headers(signature, "" + SENT), SECRET, TOLERANCE, NOW))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void aMissingOrMalformedSignatureIsRefused() throws Exception {
        byte[] body = body(SENT);
        String hex = sign(SECRET, body).substring("sha256=".length());

        for (Map<String, List<String>> headers : List.of(Map.of("X-PausePoint-Timestamp", List.of("" + SENT)),
                headers(hex, "" + SENT), headers("sha256=" + hex.toUpperCase(), "" + SENT), headers("", "" + SENT))) {
            assertThatThrownBy(() -> WebhookVerifier.verify(body, headers, SECRET, TOLERANCE, NOW))
                    .isInstanceOf(WebhookVerificationException.class);
        }
    }

    @Test
    void aStaleTimestampIsRefusedEvenWhenSigned() throws Exception {
        long old = SENT - 600;
        byte[] body = body(old);

        assertThatThrownBy(() -> WebhookVerifier.verify(body, headers(sign(SECRET, body), "" + old), SECRET, TOLERANCE, NOW))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("tolerance");
    }

    @Test
    void aFreshTimestampHeaderOnAnOldSignedBodyIsRefused() throws Exception {
        byte[] old = body(SENT - 600);

        assertThatThrownBy(() -> WebhookVerifier.verify(old, headers(sign(SECRET, old), "" + SENT), SECRET, TOLERANCE, NOW))
                .isInstanceOf(WebhookVerificationException.class).hasMessageContaining("signed timestamp");
    }

    @Test
    void aMissingOrMalformedTimestampIsRefused() throws Exception {
        byte[] body = body(SENT);
        String signature = sign(SECRET, body);

        assertThatThrownBy(() -> WebhookVerifier.verify(body, Map.of("X-PausePoint-Signature", List.of(signature)),
                SECRET, TOLERANCE, NOW)).isInstanceOf(WebhookVerificationException.class);
        assertThatThrownBy(() -> WebhookVerifier.verify(body, headers(signature, "yesterday"), SECRET, TOLERANCE, NOW))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void aSignatureSentTwiceIsRefused() throws Exception {
        byte[] body = body(SENT);
        String signature = sign(SECRET, body);

        assertThatThrownBy(() -> WebhookVerifier.verify(body, Map.of("X-PausePoint-Signature", List.of(signature, signature),
                "X-PausePoint-Timestamp", List.of("" + SENT)), SECRET, TOLERANCE, NOW))
                .isInstanceOf(WebhookVerificationException.class);
    }

    @Test
    void aSignedBodyThatIsNoEventIsRefused() throws Exception {
        byte[] body = "[1,2]".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> WebhookVerifier.verify(body, headers(sign(SECRET, body), "" + SENT), SECRET, TOLERANCE, NOW))
                .isInstanceOf(WebhookVerificationException.class);
    }
}
