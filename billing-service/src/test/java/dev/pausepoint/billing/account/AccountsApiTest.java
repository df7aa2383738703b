package dev.pausepoint.billing.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.billing.BillingApiTest;
import dev.pausepoint.billing.credential.SecretTokens;
import dev.pausepoint.events.Topics;
import dev.pausepoint.events.account.DeveloperRegistered;
import dev.pausepoint.kit.EventReader;
import dev.pausepoint.kit.SignedClient.Reply;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccountsApiTest extends BillingApiTest {

    private Reply registerWith(String email, String name, String password) {
        return client.postJson("/v1/auth/register",
                "{\"email\":\"" + email + "\",\"name\":\"" + name + "\",\"password\":\"" + password + "\"}", ANONYMOUS);
    }

    @Test
    void registrationAnswersBothKeysOnceInTheirFormat() {
        String email = uniqueEmail();
        Reply reply = registerWith(email.toUpperCase(), "Ada Lovelace", "correct horse battery");
        assertThat(reply.status()).isEqualTo(201);
        assertThat(reply.json().get("developer_id").asString()).matches("dev_[0-9a-f-]{36}");
        assertThat(reply.json().get("api_key").asString()).matches("pp_live_[0-9a-f]{48}");
        assertThat(reply.json().get("test_api_key").asString()).matches("pp_test_[0-9a-f]{48}");
        assertThat(reply.json().get("plan").asString()).isEqualTo("free");
        assertThat(reply.json().get("message").asString()).contains("shown only once");
    }

    @Test
    void onlyHashesAndDisplayPrefixesAreStored() {
        Account account = register();
        Reply me = client.get("/v1/auth/me", account.live());
        assertThat(me.json().get("api_key_prefix").asString()).isEqualTo(account.liveKey().substring(0, 12));
        assertThat(me.json().get("test_api_key_prefix").asString()).isEqualTo(account.testKey().substring(0, 12));
        assertThat(lookup("api_key", SecretTokens.sha256(account.liveKey())).json().get("mode").asString()).isEqualTo("live");
        assertThat(lookup("api_key", SecretTokens.sha256(account.testKey())).json().get("mode").asString()).isEqualTo("test");
        assertThat(lookup("api_key", SecretTokens.sha256(account.liveKey())).json().get("account_name").asString())
                .isEqualTo("Ada");
    }

    @Test
    void registrationIsAnnouncedWithTheLowerCasedEmailAndCallerAddress() {
        String email = uniqueEmail();
        String developerId = registerWith(email.toUpperCase(), "Ada", "correct horse battery").json()
                .get("developer_id").asString();
        DeveloperRegistered event = EventReader.first(Topics.ACCOUNT_EVENTS, DeveloperRegistered.class,
                e -> e.developerId().equals(developerId));
        assertThat(event.email()).isEqualTo(email);
        assertThat(event.plan()).isEqualTo("free");
        assertThat(event.actorIp()).isEqualTo("203.0.113.9");
    }

    @Test
    void sameEmailInAnyCaseIsEmailTaken() {
        String email = uniqueEmail();
        assertThat(registerWith(email, "Ada", "correct horse battery").status()).isEqualTo(201);
        Reply again = registerWith("  " + email.toUpperCase() + " ", "Ada", "correct horse battery");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("error").asString()).isEqualTo("EMAIL_TAKEN");
    }

    @Test
    void everyBadFieldIsListedAtOnce() {
        Reply reply = registerWith("not-an-email", "", "short");
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("error").asString()).isEqualTo("VALIDATION_ERROR");
        assertThat(reply.json().get("detail").toString())
                .contains("{\"field\":\"email\",\"issue\":\"must be a valid email address\"}")
                .contains("{\"field\":\"name\",\"issue\":\"is required\"}")
                .contains("{\"field\":\"password\",\"issue\":\"must be at least 10 characters\"}");
        assertThat(reply.json().get("detail")).hasSize(3);
    }

    /** Every wrong type at once, in field order: binding used to stop at the first one and name only it. */
    @Test
    void everyWrongTypeIsListedAtOnce() {
        Reply reply = client.postJson("/v1/auth/register", "{\"password\": true, \"name\": 7, \"email\": 5}",
                ANONYMOUS);
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("message").asString()).isEqualTo("3 fields are invalid; see detail.");
        assertThat(reply.json().get("detail").toString()).isEqualTo("[{\"field\":\"email\",\"issue\":\"must be a string\"},"
                + "{\"field\":\"name\",\"issue\":\"must be a string\"},{\"field\":\"password\",\"issue\":\"must be a string\"}]");
    }

    /**
     * A body of JSON null is present and readable, so it is not "missing or unreadable" (as this endpoint
     * answered before) but, as on every other endpoint, not an object.
     */
    @Test
    void aNullBodyIsNotAnObject() {
        Reply reply = client.postJson("/v1/auth/register", "null", ANONYMOUS);
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("detail").toString()).isEqualTo("[{\"field\":\"body\",\"issue\":\"must be a JSON object\"}]");
    }

    @ParameterizedTest
    @CsvSource({"123456789, 422", "1234567890, 201"})
    void passwordNeedsTenCharacters(String password, int status) {
        assertThat(registerWith(uniqueEmail(), "Ada", password).status()).isEqualTo(status);
    }

    @Test
    void passwordBeyondSeventyTwoBytesIsRefusedBecauseBcryptWouldIgnoreTheRest() {
        assertThat(registerWith(uniqueEmail(), "Ada", "x".repeat(72)).status()).isEqualTo(201);
        Reply reply = registerWith(uniqueEmail(), "Ada", "x".repeat(73));
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("detail").toString()).contains("must be at most 72 bytes");
    }

    @ParameterizedTest
    @CsvSource({"ada@example", "ada example.com", "@example.com", "ada@@example.com", "ada@.com"})
    void malformedEmailsAreRefused(String email) {
        Reply reply = registerWith(email, "Ada", "correct horse battery");
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("detail").get(0).get("field").asString()).isEqualTo("email");
    }

    @Test
    void loginGivesATwelveHourSessionThatResolvesToTheDeveloper() {
        Account account = register();
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Reply reply = client.postJson("/v1/auth/login",
                "{\"email\":\"" + account.email().toUpperCase() + "\",\"password\":\"" + account.password() + "\"}",
                ANONYMOUS);
        assertThat(reply.status()).isEqualTo(200);
        String token = reply.json().get("session_token").asString();
        assertThat(token).matches("pps_[0-9a-f]{48}");
        Instant expires = Instant.parse(reply.json().get("expires_at").asString());
        assertThat(expires).isBetween(before.plus(12, ChronoUnit.HOURS), Instant.now().plus(12, ChronoUnit.HOURS));
        assertThat(reply.json().get("plan").asString()).isEqualTo("free");
        Reply session = lookup("session", SecretTokens.sha256(token));
        assertThat(session.json().get("developer_id").asString()).isEqualTo(account.developerId());
        assertThat(session.json().get("credential").asString()).isEqualTo("session");
        assertThat(session.json().get("account_name").asString()).isEqualTo("Ada");
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        Account account = register();
        Reply wrongPassword = client.postJson("/v1/auth/login",
                "{\"email\":\"" + account.email() + "\",\"password\":\"not the password\"}", ANONYMOUS);
        Reply unknownEmail = client.postJson("/v1/auth/login",
                "{\"email\":\"" + uniqueEmail() + "\",\"password\":\"not the password\"}", ANONYMOUS);
        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(wrongPassword.body()).isEqualTo(unknownEmail.body()).isEqualTo(
                "{\"error\":\"INVALID_CREDENTIALS\",\"message\":\"Email or password is incorrect.\",\"status_code\":401}");
    }

    @Test
    void meShowsTheAccountItsKeysAndThisMonthsUsage() {
        Account account = register();
        Reply me = client.get("/v1/auth/me", account.test());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("developer_id").asString()).isEqualTo(account.developerId());
        assertThat(me.json().get("email").asString()).isEqualTo(account.email());
        assertThat(me.json().get("name").asString()).isEqualTo("Ada");
        assertThat(me.json().get("plan").asString()).isEqualTo("free");
        YearMonth month = YearMonth.now(ZoneOffset.UTC);
        assertThat(me.json().get("usage").toString()).isEqualTo("{\"period_start\":\"" + month.atDay(1) + "T00:00:00Z\","
                + "\"period_end\":\"" + month.plusMonths(1).atDay(1) + "T00:00:00Z\",\"pauses_used\":0,\"pauses_limit\":50}");
        assertThat(me.json().get("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
    }

    /** When the current key of each mode was issued: at registration, then by that mode's latest rotation. */
    @Test
    void meShowsWhenEachCurrentKeyWasIssued() {
        clock.freeze();
        Instant registered = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Account account = register();
        Reply me = client.get("/v1/auth/me", account.live());
        assertThat(me.json().get("api_key_created_at").asString()).isEqualTo(registered.toString())
                .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(me.json().get("test_api_key_created_at").asString()).isEqualTo(registered.toString());

        clock.advance(Duration.ofMinutes(90).plusMillis(700));
        Instant rotatedAt = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        Reply rotated = client.postJson("/v1/auth/keys/rotate", "{\"key_type\":\"test\"}", account.session());
        me = client.get("/v1/auth/me", account.testSession());
        assertThat(me.json().get("test_api_key_created_at").asString())
                .isEqualTo(rotated.json().get("rotated_at").asString()).isEqualTo(rotatedAt.toString());
        assertThat(me.json().get("api_key_created_at").asString()).as("the live key was not rotated")
                .isEqualTo(registered.toString());
    }

    @Test
    void meWithoutACredentialIsInvalidApiKey() {
        assertError(client.get("/v1/auth/me", ANONYMOUS), 401, "INVALID_API_KEY");
    }

    @Test
    void meWorksWithASessionInEitherWorld() {
        Account account = register();
        Reply live = client.get("/v1/auth/me", account.session());
        assertThat(live.json().get("email").asString()).isEqualTo(account.email());
        assertThat(client.get("/v1/auth/me", account.testSession()).body()).isEqualTo(live.body());
    }
}
