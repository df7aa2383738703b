package dev.pausepoint.billing.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.errors.ApiException;
import dev.pausepoint.testsupport.MutableClock;
import dev.pausepoint.testsupport.PaddleNotifications;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PaddleSignatureTest {

    private static final String SECRET = "pdl_ntfset_current_secret";
    private static final String OLD_SECRET = "pdl_ntfset_previous_secret";
    private static final String BODY = "{\"event_id\":\"evt_1\",\"event_type\":\"subscription.created\"}";

    private final MutableClock clock = new MutableClock();
    private final PaddleSignature signature = new PaddleSignature(List.of(SECRET), Duration.ofMinutes(5), clock);
    private Instant now;

    @BeforeEach
    void freeze() {
        clock.freeze();
        now = clock.instant();
    }

    private String refusal(PaddleSignature verifier, String header, String body) {
        try {
            verifier.verify(header, body.getBytes(StandardCharsets.UTF_8));
            return "accepted";
        } catch (ApiException e) {
            assertThat(e.code().status()).isEqualTo(401);
            return e.getMessage();
        }
    }

    private String refusal(String header, String body) {
        return refusal(signature, header, body);
    }

    private static String header(String secret, Instant at, String body) {
        return PaddleNotifications.signed(body, secret, at).signature();
    }

    @Test
    void aBodySignedWithTheSecretWithinFiveMinutesIsAccepted() {
        assertThat(refusal(header(SECRET, now, BODY), BODY)).isEqualTo("accepted");
        assertThat(refusal(header(SECRET, now.minus(Duration.ofMinutes(5)), BODY), BODY)).isEqualTo("accepted");
        assertThat(refusal(header(SECRET, now.plus(Duration.ofMinutes(5)), BODY), BODY)).isEqualTo("accepted");
        assertThat(refusal(header(SECRET, now, BODY).toUpperCase().replace("TS=", "ts=").replace("H1=", "h1="), BODY))
                .as("hex in capitals").isEqualTo("accepted");
    }

    @Test
    void aForgedSignatureIsRefused() {
        assertThat(refusal(header("someone-elses-secret", now, BODY), BODY)).isEqualTo("Paddle-Signature does not match the body.");
    }

    @Test
    void aBodyChangedAfterSigningIsRefused() {
        String signed = header(SECRET, now, BODY);
        assertThat(refusal(signed, BODY.replace("created", "canceled"))).isEqualTo("Paddle-Signature does not match the body.");
        assertThat(refusal(signed, BODY + " ")).isEqualTo("Paddle-Signature does not match the body.");
    }

    @Test
    void aTimestampMoreThanFiveMinutesAwayIsRefused() {
        String stale = header(SECRET, now.minus(Duration.ofMinutes(5)).minusSeconds(1), BODY);
        String future = header(SECRET, now.plus(Duration.ofMinutes(5)).plusSeconds(1), BODY);
        assertThat(refusal(stale, BODY)).isEqualTo("Paddle-Signature timestamp is more than 5 minutes from now.");
        assertThat(refusal(future, BODY)).isEqualTo("Paddle-Signature timestamp is more than 5 minutes from now.");
    }

    @Test
    void theTimestampIsSignedToo() {
        String signed = header(SECRET, now.minusSeconds(10), BODY);
        String moved = signed.replace("ts=" + now.minusSeconds(10).getEpochSecond(), "ts=" + now.getEpochSecond());
        assertThat(refusal(moved, BODY)).isEqualTo("Paddle-Signature does not match the body.");
    }

    @Test
    void duringRotationAnyValidSignatureAndAnyConfiguredSecretPass() {
        String old = header(OLD_SECRET, now, BODY);
        String current = header(SECRET, now, BODY);
        String both = old + ";h1=" + current.substring(current.indexOf("h1=") + 3);
        assertThat(refusal(both, BODY)).as("Paddle signs with both of its secrets").isEqualTo("accepted");
        PaddleSignature rotating = new PaddleSignature(List.of(SECRET, OLD_SECRET), Duration.ofMinutes(5), clock);
        assertThat(refusal(rotating, old, BODY)).as("we accept the previous secret too").isEqualTo("accepted");
        assertThat(refusal(old, BODY)).as("until it is removed").isEqualTo("Paddle-Signature does not match the body.");
    }

    @Test
    void malformedOrMissingHeadersAreRefused() {
        for (String header : new String[] {null, "", "h1=abc", "ts=;h1=abc", "ts=abc;h1=abc", "ts=" + now.getEpochSecond(),
                "ts=" + now.getEpochSecond() + ";h1=", "garbage"}) {
            assertThat(refusal(header, BODY)).as(String.valueOf(header))
                    .isEqualTo("Paddle-Signature is missing or malformed; expected ts=<unix>;h1=<hex>.");
        }
    }

    @Test
    void withoutASecretNothingVerifies() {
        PaddleSignature unconfigured = new PaddleSignature(List.of(), Duration.ofMinutes(5), clock);
        assertThat(refusal(unconfigured, header(SECRET, now, BODY), BODY))
                .isEqualTo("No Paddle notification secret is configured on this instance.");
    }
}
