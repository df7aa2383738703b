package dev.pausepoint.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.systemtests.Http.Reply;
import java.util.UUID;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The per-account login throttle through the gateway: every attempt comes from an address of its own
 * (see {@link Http#randomClient()}), so no per-address limit is involved, and still the eleventh is
 * refused, for an account's address and for an address without one alike.
 */
@Order(7)
class LoginThrottleSystemTest {

    private static final String PASSWORD = "a long enough password";

    private static Reply login(String email, String password) {
        return Http.postJson("/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
    }

    private static Reply throttledAfterTenFailures(String email) {
        for (int i = 0; i < 10; i++) {
            assertThat(login(email, "wrong password " + i).status()).isEqualTo(401);
        }
        Reply reply = login(email, PASSWORD);
        assertThat(reply.status()).as(reply.body()).isEqualTo(429);
        assertThat(reply.json().get("error").asString()).isEqualTo("RATE_LIMITED");
        assertThat(Long.parseLong(reply.header("Retry-After"))).isBetween(880L, 900L);
        return reply;
    }

    @Test
    void tenFailuresFromTenAddressesThrottleTheAccountAndAnAddressWithoutOneAlike() {
        String email = "throttled-" + UUID.randomUUID() + "@example.com";
        assertThat(Http.postJson("/v1/auth/register",
                "{\"email\":\"" + email + "\",\"name\":\"T\",\"password\":\"" + PASSWORD + "\"}").status()).isEqualTo(201);

        Reply known = throttledAfterTenFailures(email);
        Reply unknown = throttledAfterTenFailures("nobody-" + UUID.randomUUID() + "@example.com");
        assertThat(unknown.json().get("message").asString().replaceAll("\\d+ s\\b", "N s"))
                .isEqualTo(known.json().get("message").asString().replaceAll("\\d+ s\\b", "N s"));
        assertThat(unknown.raw().headers().map().keySet()).isEqualTo(known.raw().headers().map().keySet());
    }
}
