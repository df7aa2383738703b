package dev.pausepoint.client;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Checks a webhook post as {@code docs/api-reference.md} (Webhooks) signs it:
 * {@code X-PausePoint-Signature: sha256=<lowercase hex HMAC-SHA256 of the raw body under the secret>},
 * compared in constant time, and {@code X-PausePoint-Timestamp} within {@code tolerance} of now. The
 * timestamp header is not signed, so it must also equal the signed body's {@code timestamp}: a replay of an
 * old body under a fresh header is refused. Header names are matched ignoring case.
 *
 * <p>Pass the body exactly as received (bytes, before any JSON parsing): re-serialised JSON does not verify.
 */
public final class WebhookVerifier {

    public static final String SIGNATURE_HEADER = "X-PausePoint-Signature";
    public static final String TIMESTAMP_HEADER = "X-PausePoint-Timestamp";

    private static final String SCHEME = "sha256=";

    private WebhookVerifier() {
    }

    /**
     * @param headers the request's headers (any map of name to values, such as the servlet's or the JDK's)
     * @param tolerance how far the timestamp may be from now, either way (five minutes is a fair choice)
     * @return the event the body holds
     * @throws WebhookVerificationException when the post must not be trusted
     */
    public static WebhookEvent verify(byte[] rawBody, Map<String, List<String>> headers, String secret,
            Duration tolerance) {
        return verify(rawBody, headers, secret, tolerance, Clock.systemUTC());
    }

    /** {@link #verify(byte[], Map, String, Duration)} against a given clock. */
    public static WebhookEvent verify(byte[] rawBody, Map<String, List<String>> headers, String secret,
            Duration tolerance, Clock clock) {
        Objects.requireNonNull(rawBody, "rawBody");
        Objects.requireNonNull(headers, "headers");
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("secret must not be empty");
        }
        String signature = header(headers, SIGNATURE_HEADER);
        if (signature == null || !signature.startsWith(SCHEME)) {
            throw new WebhookVerificationException("missing or malformed " + SIGNATURE_HEADER);
        }
        byte[] expected = (SCHEME + java.util.HexFormat.of().formatHex(hmac(secret, rawBody)))
                .getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
            throw new WebhookVerificationException("signature does not match the body");
        }
        WebhookEvent event = parse(rawBody);
        Instant stamped = timestamp(header(headers, TIMESTAMP_HEADER));
        if (!stamped.equals(event.timestamp())) {
            throw new WebhookVerificationException(TIMESTAMP_HEADER + " does not match the signed timestamp");
        }
        if (Duration.between(stamped, clock.instant()).abs().compareTo(tolerance) > 0) {
            throw new WebhookVerificationException("timestamp " + stamped + " is outside the tolerance of " + tolerance);
        }
        return event;
    }

    private static String header(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> entry : headers.entrySet()) {
            if (name.equalsIgnoreCase(entry.getKey()) && entry.getValue() != null && !entry.getValue().isEmpty()) {
                if (entry.getValue().size() > 1) {
                    throw new WebhookVerificationException(name + " sent more than once");
                }
                return entry.getValue().get(0);
            }
        }
        return null;
    }

    private static Instant timestamp(String header) {
        try {
            return Instant.ofEpochSecond(Long.parseLong(Objects.requireNonNull(header).trim()));
        } catch (NullPointerException | NumberFormatException | java.time.DateTimeException bad) {
            throw new WebhookVerificationException("missing or malformed " + TIMESTAMP_HEADER);
        }
    }

    private static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static WebhookEvent parse(byte[] rawBody) {
        try {
            JsonNode body = Json.MAPPER.readTree(rawBody);
            JsonNode data = body.path("data");
            if (!body.path("timestamp").canConvertToExactIntegral() || !body.path("event").isString()) {
                throw new WebhookVerificationException("the signed body is not a PausePoint event");
            }
            return new WebhookEvent(text(body, "event_id"), text(body, "event"), text(body, "pause_id"),
                    text(body, "developer_id"), body.path("livemode").asBoolean(false),
                    Instant.ofEpochSecond(body.path("timestamp").asLong()),
                    new WebhookEvent.Data(text(data, "choice"), text(data, "text"),
                            data.path("response_at").isString() ? Instant.parse(data.path("response_at").asString()) : null,
                            data.path("metadata").isObject() ? data.path("metadata") : null,
                            integer(data, "notification"),
                            data.path("kind").isString() ? NotificationKind.fromWire(data.path("kind").asString()) : null,
                            integer(data, "step"), integer(data, "reminder"), channel(data)));
        } catch (JacksonException | java.time.DateTimeException notAnEvent) {
            throw new WebhookVerificationException("the signed body is not a PausePoint event");
        }
    }

    private static Integer integer(JsonNode node, String field) {
        return node.path(field).canConvertToInt() && node.path(field).isIntegralNumber() ? node.path(field).asInt() : null;
    }

    /** A channel this version does not know is left null rather than refusing a genuine post. */
    private static Channel channel(JsonNode data) {
        if (!data.path("channel").isString()) {
            return null;
        }
        try {
            return Channel.fromWire(data.path("channel").asString());
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static String text(JsonNode node, String field) {
        return node.path(field).isString() ? node.path(field).asString() : null;
    }
}
