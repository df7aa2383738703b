package dev.pausepoint.delivery.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pausepoint.delivery.DeliveryApiTest;
import dev.pausepoint.events.Topics;
import dev.pausepoint.events.delivery.NotificationDelivered;
import dev.pausepoint.events.delivery.NotificationFailed;
import dev.pausepoint.events.pause.PauseCreated;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.kit.EventReader;
import dev.pausepoint.kit.SignedClient.Reply;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * docs/api-reference.md, "Channels": provider status callbacks, public but verified by the provider's
 * signature, computed here from each provider's documented algorithm rather than with their SDKs.
 */
class ProviderCallbackTest extends DeliveryApiTest {

    @Test
    void aSignedTwilioDeliveredReportMarksTheSmsDelivered() throws Exception {
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        PauseCreated pause = sentSms(sid);
        Map<String, String> form = Map.of("MessageSid", sid, "MessageStatus", "delivered", "AccountSid", TWILIO_SID,
                "To", pause.recipient(), "From", "+15005550006", "ApiVersion", "2010-04-01");

        Reply reply = twilioCallback(form, twilioSignature(TWILIO_TOKEN, form));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(notification(pause.pauseId())).containsEntry("status", "delivered");
        NotificationDelivered delivered = EventReader.first(Topics.DELIVERY_EVENTS, NotificationDelivered.class,
                e -> e.pauseId().equals(pause.pauseId()));
        assertThat(delivered.providerMessageId()).isEqualTo(sid);
        // Twilio repeats callbacks; a second report changes nothing.
        assertThat(twilioCallback(form, twilioSignature(TWILIO_TOKEN, form)).status()).isEqualTo(200);
        assertThat(notification(pause.pauseId())).containsEntry("status", "delivered");
    }

    @Test
    void anUndeliveredReportFailsTheSmsWithTwiliosErrorCode() throws Exception {
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        PauseCreated pause = sentSms(sid);
        Map<String, String> form = Map.of("MessageSid", sid, "MessageStatus", "undelivered", "ErrorCode", "30003");

        assertThat(twilioCallback(form, twilioSignature(TWILIO_TOKEN, form)).status()).isEqualTo(200);

        assertThat(notification(pause.pauseId())).containsEntry("status", "failed")
                .containsEntry("last_error", "Twilio reported undelivered (error 30003)");
        assertThat(EventReader.first(Topics.DELIVERY_EVENTS, NotificationFailed.class,
                e -> e.pauseId().equals(pause.pauseId())).error()).isEqualTo("Twilio reported undelivered (error 30003)");
    }

    @Test
    void anUnverifiableTwilioCallGets401AndChangesNothing() throws Exception {
        String sid = "SM" + UUID.randomUUID().toString().replace("-", "");
        PauseCreated pause = sentSms(sid);
        Map<String, String> form = Map.of("MessageSid", sid, "MessageStatus", "delivered");
        Map<String, String> tampered = Map.of("MessageSid", sid, "MessageStatus", "failed");

        Reply wrongToken = twilioCallback(form, twilioSignature("another-accounts-token", form));
        Reply wrongFields = twilioCallback(tampered, twilioSignature(TWILIO_TOKEN, form));
        Reply unsigned = client.send("POST", "/v1/providers/twilio/status", "application/x-www-form-urlencoded",
                formBody(form), TWILIO);

        for (Reply reply : new Reply[] {wrongToken, wrongFields, unsigned}) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.json().get("error").asString()).isEqualTo("INVALID_CREDENTIALS");
        }
        assertThat(notification(pause.pauseId())).containsEntry("status", "sent");
    }

    private PauseCreated sentEmail() {
        PauseCreated pause = pauseCreated("dev_" + UUID.randomUUID(), true, "email",
                "approver-" + UUID.randomUUID() + "@example.com");
        publish(pause);
        await().untilAsserted(() -> assertThat(notification(pause.pauseId())).containsEntry("status", "sent"));
        return pause;
    }

    @Test
    void signedSendGridEventsMarkEmailsDeliveredOrBounced() throws Exception {
        PauseCreated delivered = sentEmail();
        PauseCreated bounced = sentEmail();
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        String body = """
                [{"email": "%s", "timestamp": 1764086400, "event": "processed", "pause_id": "%s"},
                 {"email": "%s", "timestamp": 1764086401, "event": "delivered", "pause_id": "%s", "sg_message_id": "sg-1"},
                 {"email": "%s", "timestamp": 1764086402, "event": "bounce", "pause_id": "%s",
                  "reason": "550 5.1.1 The email account that you tried to reach does not exist"}]"""
                .formatted(delivered.recipient(), delivered.pauseId(), delivered.recipient(), delivered.pauseId(),
                        bounced.recipient(), bounced.pauseId());

        Reply reply = sendGridCallback(body, sendGridSignature(SENDGRID_EVENTS.getPrivate(), timestamp, body), timestamp);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(notification(delivered.pauseId())).containsEntry("status", "delivered");
        assertThat(notification(bounced.pauseId())).containsEntry("status", "failed").containsEntry("last_error",
                "SendGrid reported bounce: 550 5.1.1 The email account that you tried to reach does not exist");
    }

    @Test
    void anUnverifiableSendGridCallGets401AndChangesNothing() throws Exception {
        PauseCreated pause = sentEmail();
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
        String body = "[{\"event\": \"delivered\", \"pause_id\": \"" + pause.pauseId() + "\"}]";
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        PrivateKey otherKey = generator.generateKeyPair().getPrivate();

        Reply otherSigner = sendGridCallback(body, sendGridSignature(otherKey, timestamp, body), timestamp);
        Reply otherTimestamp = sendGridCallback(body,
                sendGridSignature(SENDGRID_EVENTS.getPrivate(), timestamp, body), String.valueOf(Long.parseLong(timestamp) + 1));
        Reply garbage = sendGridCallback(body, "bm90IGEgc2lnbmF0dXJl", timestamp);

        for (Reply reply : new Reply[] {otherSigner, otherTimestamp, garbage}) {
            assertThat(reply.status()).isEqualTo(401);
            assertThat(reply.json().get("error").asString()).isEqualTo("INVALID_CREDENTIALS");
        }
        assertThat(notification(pause.pauseId())).containsEntry("status", "sent");
    }

    /** A batch signed more than 10 minutes from our clock, either way, is a replay: 401, and nothing changes. */
    @Test
    void aSendGridBatchSignedMoreThanTenMinutesFromNowIsRefused() throws Exception {
        PauseCreated pause = sentEmail();
        String body = "[{\"event\": \"delivered\", \"pause_id\": \"" + pause.pauseId() + "\"}]";
        clock.freeze();
        long now = clock.instant().getEpochSecond();

        for (long at : new long[] {now - 601, now + 601, now - 86_400, 0}) {
            String timestamp = String.valueOf(at);
            Reply reply = sendGridCallback(body, sendGridSignature(SENDGRID_EVENTS.getPrivate(), timestamp, body), timestamp);

            assertThat(reply.status()).as("signed at %s, now %s", at, now).isEqualTo(401);
            assertThat(reply.json().get("error").asString()).isEqualTo("INVALID_CREDENTIALS");
            assertThat(reply.json().get("message").asString()).isEqualTo(
                    "The SendGrid timestamp of this request is not within 10 minutes of now; a replayed call is refused.");
        }
        Reply notANumber = sendGridCallback(body, sendGridSignature(SENDGRID_EVENTS.getPrivate(), "yesterday", body),
                "yesterday");
        assertThat(notANumber.status()).isEqualTo(401);
        assertThat(notification(pause.pauseId())).containsEntry("status", "sent");

        for (long at : new long[] {now + 600, now - 600}) {
            String timestamp = String.valueOf(at);
            assertThat(sendGridCallback(body, sendGridSignature(SENDGRID_EVENTS.getPrivate(), timestamp, body), timestamp)
                    .status()).as("signed at %s, now %s", at, now).isEqualTo(200);
        }
        assertThat(notification(pause.pauseId())).containsEntry("status", "delivered");
    }

    @Test
    void aSendGridBatchOverTheBodyLimitIsRefusedLikeAnyOtherBody() throws Exception {
        PauseCreated pause = sentEmail();
        String timestamp = String.valueOf(clock.instant().getEpochSecond());
        String body = "[{\"event\": \"delivered\", \"pause_id\": \"" + pause.pauseId() + "\", \"padding\": \""
                + "x".repeat(70 * 1024) + "\"}]";

        Reply reply = sendGridCallback(body, sendGridSignature(SENDGRID_EVENTS.getPrivate(), timestamp, body), timestamp);

        assertThat(reply.status()).isEqualTo(413);
        assertThat(reply.json().get("error").asString()).isEqualTo("PAYLOAD_TOO_LARGE");
        assertThat(notification(pause.pauseId())).containsEntry("status", "sent");
    }
}
