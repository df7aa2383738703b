package dev.pausepoint.billing.subscription;

import dev.pausepoint.identity.Hmac;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Verifies Paddle's {@code Paddle-Signature: ts=<unix seconds>;h1=<hex>[;h1=<hex>...]}: HMAC-SHA256 of
 * {@code <ts>:<raw body>} under a notification secret, compared in constant time, with the timestamp
 * within the tolerance of now (both ways) so a captured notification cannot be replayed later. Any
 * {@code h1} matching any configured secret passes, which covers rotation on either side.
 */
public final class PaddleSignature {

    private final List<byte[]> secrets;
    private final Duration tolerance;
    private final Clock clock;

    public PaddleSignature(List<String> secrets, Duration tolerance, Clock clock) {
        this.secrets = secrets.stream().map(secret -> secret.getBytes(StandardCharsets.UTF_8)).toList();
        this.tolerance = tolerance;
        this.clock = clock;
    }

    /** Returns normally when {@code header} signs {@code body}; otherwise says why not. */
    public void verify(String header, byte[] body) {
        if (secrets.isEmpty()) {
            throw new PaddleSignatureException("No Paddle notification secret is configured on this instance.");
        }
        long timestamp = -1;
        List<String> signatures = new ArrayList<>();
        for (String part : header == null ? new String[0] : header.split(";")) {
            int equals = part.indexOf('=');
            String name = equals < 0 ? part.trim() : part.substring(0, equals).trim();
            String value = equals < 0 ? "" : part.substring(equals + 1).trim();
            if (name.equals("ts") && value.matches("[0-9]{1,12}")) {
                timestamp = Long.parseLong(value);
            } else if (name.equals("h1") && !value.isEmpty()) {
                signatures.add(value.toLowerCase(Locale.ROOT));
            }
        }
        if (timestamp < 0 || signatures.isEmpty()) {
            throw new PaddleSignatureException("Paddle-Signature is missing or malformed; expected ts=<unix>;h1=<hex>.");
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - timestamp) > tolerance.toSeconds()) {
            throw new PaddleSignatureException("Paddle-Signature timestamp is more than " + tolerance.toMinutes()
                    + " minutes from now.");
        }
        byte[] signed = concat((timestamp + ":").getBytes(StandardCharsets.UTF_8), body);
        for (byte[] secret : secrets) {
            String expected = Hmac.sha256Hex(secret, signed);
            for (String signature : signatures) {
                if (Hmac.matches(expected, signature)) {
                    return;
                }
            }
        }
        throw new PaddleSignatureException("Paddle-Signature does not match the body.");
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = new byte[first.length + second.length];
        System.arraycopy(first, 0, both, 0, first.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
