package dev.pausepoint.billing.loginthrottle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import dev.pausepoint.billing.BillingApiTest;
import dev.pausepoint.billing.credential.SecretTokens;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.kit.SignedClient.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The per-address login throttle at its defaults (10 failures in a sliding 15 minutes), on real
 * Postgres, with the clock frozen so windows are exact. Every login comes from an address of its own:
 * the throttle counts the email, whoever sends it.
 */
class LoginThrottleApiTest extends BillingApiTest {

    private static final int MAX = 10;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    LoginThrottleService throttle;

    private int lastOctet;

    private Reply login(String email, String password) {
        String from = "198.51.100." + (++lastOctet % 250 + 1);
        return client.postJson("/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}",
                CallerIdentity.anonymous(from));
    }

    private void fail(String email, int times) {
        for (int i = 0; i < times; i++) {
            Reply reply = login(email, "not the password " + i);
            assertThat(reply.status()).as(reply.body()).isEqualTo(401);
        }
    }

    private static void assertThrottled(Reply reply, String retryAfter) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(429);
        assertThat(reply.json().get("error").asString()).isEqualTo("RATE_LIMITED");
        assertThat(reply.json().get("status_code").asInt()).isEqualTo(429);
        assertThat(reply.header("Retry-After")).isEqualTo(retryAfter);
    }

    @Test
    void afterTenFailuresEvenTheRightPasswordFromAnotherAddressIsRefusedBeforeAnyHashing() {
        clock.freeze();
        Account account = register();
        fail(account.email(), MAX);
        clearInvocations(passwords);

        Reply reply = login(account.email(), account.password());
        assertThrottled(reply, "900");
        assertThat(reply.json().get("message").asString())
                .isEqualTo("Too many failed logins for this email address (10 within 15 min). Retry after 900 s, "
                        + "or reset the password.");
        verify(passwords, never()).matches(any(), any());
    }

    @Test
    void anAddressWithoutAnAccountIsThrottledExactlyLikeOneWith() {
        clock.freeze();
        Account account = register();
        String nobody = uniqueEmail();
        fail(account.email(), MAX);
        fail(nobody, MAX);

        Reply known = login(account.email(), account.password());
        Reply unknown = login(nobody, account.password());
        assertThrottled(known, "900");
        assertThrottled(unknown, "900");
        assertThat(unknown.body()).isEqualTo(known.body());
        assertThat(unknown.raw().headers().map().keySet()).isEqualTo(known.raw().headers().map().keySet());
    }

    @Test
    void theRefusalLiftsWhenTheOldestFailureLeavesTheWindow() {
        clock.freeze();
        Account account = register();
        fail(account.email(), 1);
        clock.advance(Duration.ofMinutes(5));
        fail(account.email(), MAX - 1);
        assertThrottled(login(account.email(), account.password()), "600");

        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertThrottled(login(account.email(), account.password()), "1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(login(account.email(), account.password()).status()).as("the first failure left").isEqualTo(200);

        fail(account.email(), 1);
        assertThrottled(login(account.email(), account.password()), "300");
    }

    @Test
    void aSuccessIsNotAFailureAndDoesNotWipeTheFailuresBeforeIt() {
        clock.freeze();
        Account account = register();
        fail(account.email(), MAX - 1);
        assertThat(login(account.email(), account.password()).status()).isEqualTo(200);
        fail(account.email(), 1);
        assertThrottled(login(account.email(), account.password()), "900");
    }

    @Test
    void spellingsOfOneAddressShareOneCount() {
        clock.freeze();
        Account account = register();
        fail(account.email().toUpperCase(), MAX / 2);
        fail("  " + account.email() + " ", MAX / 2);
        assertThrottled(login(account.email(), account.password()), "900");
    }

    @Test
    void concurrentGuessesAreAdmittedOnlyUpToTheLimit() throws Exception {
        Account account = register();
        clearInvocations(passwords);
        ExecutorService pool = Executors.newFixedThreadPool(2 * MAX);
        try {
            List<CompletableFuture<Reply>> guesses = IntStream.range(0, 2 * MAX)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> login(account.email(), "guess " + i), pool))
                    .toList();
            Map<Integer, Long> statuses = guesses.stream().map(CompletableFuture::join)
                    .collect(Collectors.groupingBy(Reply::status, Collectors.counting()));
            assertThat(statuses).isEqualTo(Map.of(401, (long) MAX, 429, (long) MAX));
        } finally {
            pool.shutdownNow();
        }
        verify(passwords, times(MAX)).matches(any(), any());
    }

    @Test
    void theTableHoldsNoAddressAndForgetsFailuresPastTheWindow() {
        clock.freeze();
        String email = uniqueEmail();
        fail(email, 1);
        String key = jdbc.sql("SELECT email_key FROM login_failure ORDER BY id DESC LIMIT 1").query(String.class).single();
        assertThat(key).matches("[0-9a-f]{64}").doesNotContain(email.substring(0, email.indexOf('@')))
                .isNotEqualTo(SecretTokens.sha256(email));

        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertThat(throttle.purge()).isPositive();
        assertThat(jdbc.sql("SELECT count(*) FROM login_failure WHERE email_key = ?").param(key).query(Long.class)
                .single()).isZero();
    }
}
