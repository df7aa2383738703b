package dev.pausepoint.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Paddle Billing notifications for tests: the fixtures in {@code paddle/<event type>.json} (shaped like
 * Paddle's documented payloads) with their placeholders filled in, and the {@code Paddle-Signature}
 * header Paddle would send, {@code ts=<unix>;h1=<hex HMAC-SHA256 of "<ts>:<body>">}.
 */
public final class PaddleNotifications {

    /** The notification secret tests configure billing-service with. */
    public static final String SECRET = "pdl_ntfset_01hv8h0000000000000000000000_test-secret";

    /** A notification: its exact body and the signature header for it. */
    public record Notification(String body, String signature) {
    }

    private PaddleNotifications() {
    }

    /** Values for a fixture's placeholders; a fresh event id and customer each time. */
    public static Map<String, String> values(String developerId, String subscriptionId, String priceId,
            Instant occurredAt, Instant periodStart, Instant periodEnd) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("event_id", "evt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 26));
        values.put("developer_id", developerId);
        values.put("subscription_id", subscriptionId);
        values.put("customer_id", "ctm_" + subscriptionId.substring(Math.max(0, subscriptionId.length() - 26)));
        values.put("price_id", priceId);
        values.put("occurred_at", occurredAt.toString());
        values.put("period_start", periodStart.toString());
        values.put("period_end", periodEnd.toString());
        return values;
    }

    /** The fixture for {@code eventType} with {@code values} filled in. */
    public static String body(String eventType, Map<String, String> values) {
        String body = fixture(eventType);
        for (Map.Entry<String, String> value : values.entrySet()) {
            body = body.replace("${" + value.getKey() + "}", value.getValue());
        }
        if (body.contains("${")) {
            throw new IllegalArgumentException("unfilled placeholder in " + eventType + ": " + body);
        }
        return body;
    }

    /** {@code body} signed with {@code secret} at {@code timestamp}. */
    public static Notification signed(String body, String secret, Instant timestamp) {
        long ts = timestamp.getEpochSecond();
        return new Notification(body, "ts=" + ts + ";h1=" + hmac(secret, ts + ":" + body));
    }

    /**
     * Written here with the JDK rather than with the services' own HMAC helper, so a mistake in that
     * helper cannot sign the fixtures it is then asked to verify.
     */
    public static String hmac(String secret, String signed) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String fixture(String eventType) {
        try (InputStream in = PaddleNotifications.class.getResourceAsStream("/paddle/" + eventType + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no Paddle fixture for " + eventType);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
