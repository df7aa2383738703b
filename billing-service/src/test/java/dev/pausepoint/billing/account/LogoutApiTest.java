package dev.pausepoint.billing.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.billing.BillingApiTest;
import dev.pausepoint.billing.credential.SecretTokens;
import dev.pausepoint.events.Event;
import dev.pausepoint.events.Topics;
import dev.pausepoint.events.account.ApiKeyRotated;
import dev.pausepoint.events.account.DeveloperRegistered;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.kit.EventReader;
import dev.pausepoint.kit.SignedClient.Reply;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code POST /v1/auth/logout}. A session ends in billing's database alone, because the gateway never keeps
 * one and asks {@code /internal/credentials/lookup} on every request that carries one: a session the lookup
 * no longer finds is the gateway's 401 on the next call.
 */
class LogoutApiTest extends BillingApiTest {

    private String login(Account account) {
        Reply reply = client.postJson("/v1/auth/login",
                "{\"email\":\"" + account.email() + "\",\"password\":\"" + account.password() + "\"}", ANONYMOUS);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json().get("session_token").asString();
    }

    private int lookupStatus(String kind, String token) {
        return lookup(kind, SecretTokens.sha256(token)).status();
    }

    private Reply logout(CallerIdentity as) {
        return client.send("POST", "/v1/auth/logout", null, null, as);
    }

    @Test
    void logoutEndsTheSessionAtOnceAndAnswersNoContent() {
        Account account = register();
        String session = login(account);
        assertThat(lookupStatus("session", session)).isEqualTo(200);

        Reply reply = logout(account.session());
        assertThat(reply.status()).as(reply.body()).isEqualTo(204);
        assertThat(reply.body()).isEmpty();
        assertThat(lookupStatus("session", session)).as("the gateway's next lookup finds nothing").isEqualTo(404);
    }

    /** The signed identity names the account, not the token presented, so every session of the account ends. */
    @Test
    void logoutEndsEverySessionOfTheAccountAndNothingElse() {
        Account account = register();
        Account other = register();
        String first = login(account);
        String second = login(account);
        String othersSession = login(other);

        assertThat(logout(account.testSession()).status()).as("a session in the test world logs out too")
                .isEqualTo(204);

        assertThat(lookupStatus("session", first)).isEqualTo(404);
        assertThat(lookupStatus("session", second)).isEqualTo(404);
        assertThat(lookupStatus("session", othersSession)).as("another developer's session").isEqualTo(200);
        assertThat(lookupStatus("api_key", account.liveKey())).as("the keys are not sessions").isEqualTo(200);
        assertThat(lookupStatus("api_key", account.testKey())).isEqualTo(200);
    }

    @Test
    void loggingOutWhatHasAlreadyEndedIsNoError() {
        Account account = register();
        login(account);
        assertThat(logout(account.session()).status()).isEqualTo(204);
        assertThat(logout(account.session()).status()).isEqualTo(204);
        assertThat(logout(register().session()).status()).as("an account that never logged in").isEqualTo(204);
    }

    /** A key is revoked by rotation; logging out with one would look like it ended something. */
    @ParameterizedTest
    @CsvSource({"live", "test"})
    void anApiKeyCannotLogOutAndEndsNothing(String mode) {
        Account account = register();
        String session = login(account);
        Reply reply = logout(mode.equals("live") ? account.live() : account.test());
        assertError(reply, 403, "KEY_MODE_NOT_ALLOWED");
        assertThat(reply.json().get("message").asString()).contains("A " + mode + " key is not a session")
                .contains("revoked by rotation");
        assertThat(lookupStatus("session", session)).as("the session still works").isEqualTo(200);
        assertThat(lookupStatus("api_key", mode.equals("live") ? account.liveKey() : account.testKey()))
                .as("the key still works").isEqualTo(200);
    }

    @Test
    void logoutNeedsACredential() {
        assertError(logout(ANONYMOUS), 401, "INVALID_API_KEY");
    }

    /** Whatever is sent, and in whatever type, is never read: broken JSON, NUL and lone surrogates included. */
    @ParameterizedTest
    @ValueSource(strings = {"application/json|{\"session_token\": \"pps_x\"}", "application/json|{not json",
            "application/json|{\"a\": \"\\u0000\\ud800\"}", "application/json|null", "text/plain|\u0000 bye",
            "application/octet-stream|\u00ff\u00fe", "application/x-www-form-urlencoded|session=x&all=true"})
    void aBodyIsNeverRead(String sent) {
        Account account = register();
        String session = login(account);
        String[] typeAndBody = sent.split("\\|", 2);
        Reply reply = client.send("POST", "/v1/auth/logout", typeAndBody[0], typeAndBody[1], account.session());
        assertThat(reply.status()).as(reply.body()).isEqualTo(204);
        assertThat(lookupStatus("session", session)).isEqualTo(404);
    }

    /** Form parameters are checked for text that cannot be stored before any endpoint runs, read or not. */
    @Test
    void aFormParameterHoldingNulIsRefusedAsEverywhereAndEndsNothing() {
        Account account = register();
        String session = login(account);
        Reply reply = client.send("POST", "/v1/auth/logout", "application/x-www-form-urlencoded", "all=%00",
                account.session());
        assertError(reply, 422, "VALIDATION_ERROR");
        assertThat(reply.json().get("detail").get(0).get("field").asString()).isEqualTo("all");
        assertThat(lookupStatus("session", session)).isEqualTo(200);
    }

    @Test
    void aBodyOverTheLimitIsRefusedAsEverywhereAndEndsNothing() {
        Account account = register();
        String session = login(account);
        Reply reply = client.send("POST", "/v1/auth/logout", "application/json",
                "{\"pad\": \"" + "x".repeat(64 * 1024) + "\"}", account.session());
        assertError(reply, 413, "PAYLOAD_TOO_LARGE");
        assertThat(lookupStatus("session", session)).isEqualTo(200);
    }

    /**
     * Nothing is announced. Account events are keyed by developer and the outbox publishes in the order
     * they were written, so once the rotation after the logout is on the topic, an event from the logout
     * would be on it too, before the rotation.
     */
    @Test
    void logoutAnnouncesNothing() {
        Account account = register();
        login(account);
        assertThat(logout(account.session()).status()).isEqualTo(204);
        assertThat(client.postJson("/v1/auth/keys/rotate", "{}", account.live()).status()).isEqualTo(200);

        List<Event> events = EventReader.read(Topics.ACCOUNT_EVENTS, e -> e.key().equals(account.developerId()),
                seen -> seen.stream().anyMatch(ApiKeyRotated.class::isInstance));
        assertThat(events).extracting(Object::getClass).containsExactly(DeveloperRegistered.class, ApiKeyRotated.class);
    }
}
