package dev.pausepoint.billing.account;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static dev.pausepoint.kit.UnstorableText.MARK;
import static dev.pausepoint.kit.UnstorableText.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.billing.BillingApiTest;
import dev.pausepoint.billing.credential.SecretTokens;
import dev.pausepoint.kit.SignedClient.Reply;
import dev.pausepoint.kit.UnstorableText.Bad;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every string billing-service reads from a client, with text Postgres cannot hold (NUL was a 500 at the
 * e-mail lookup and the name insert) or that bcrypt would silently change (a lone surrogate in a
 * password became {@code ?}): a 422 naming the field, ahead of Bean Validation, with nothing written.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnstorableTextApiTest extends BillingApiTest {

    private static final String FORM = "application/x-www-form-urlencoded";
    private static final String PASSWORD = "correct horse battery";

    @Autowired
    JdbcClient jdbc;

    private int developersWith(String email) {
        return jdbc.sql("SELECT count(*) FROM developer WHERE email = ?").param(email).query(Integer.class).single();
    }

    private Reply post(String path, String json) {
        return client.postJson(path, json, ANONYMOUS);
    }

    @ParameterizedTest
    @EnumSource(Bad.class)
    void registrationRefusesEachFieldAndCreatesNoAccount(Bad bad, CapturedOutput output) {
        String email = uniqueEmail();
        String[][] cases = {
                {"email", "{\"email\":\"" + MARK + email + "\",\"name\":\"Ada\",\"password\":\"" + PASSWORD + "\"}"},
                {"name", "{\"email\":\"" + email + "\",\"name\":\"Ada" + MARK + "\",\"password\":\"" + PASSWORD + "\"}"},
                {"password", "{\"email\":\"" + email + "\",\"name\":\"Ada\",\"password\":\"" + PASSWORD + MARK + "\"}"}};
        for (String[] c : cases) {
            assertRefused(post("/v1/auth/register", bad.in(c[1])), c[0], bad.issue);
        }
        assertThat(developersWith(email)).isZero();
        assertThat(output.getAll()).doesNotContain("Unhandled failure");
    }

    @ParameterizedTest
    @EnumSource(Bad.class)
    void loginAndResetRequestsRefuseTheTextBeforeAnyLookup(Bad bad, CapturedOutput output) {
        Account account = register();
        assertRefused(post("/v1/auth/login", bad.in("{\"email\":\"" + account.email() + MARK + "\",\"password\":\""
                + account.password() + "\"}")), "email", bad.issue);
        assertRefused(post("/v1/auth/login", bad.in("{\"email\":\"" + account.email() + "\",\"password\":\""
                + account.password() + MARK + "\"}")), "password", bad.issue);
        SENDGRID.resetRequests();
        assertRefused(post("/v1/auth/password-reset", bad.in("{\"email\":\"" + account.email() + MARK + "\"}")),
                "email", bad.issue);
        assertThat(SENDGRID.findAll(anyRequestedFor(anyUrl()))).isEmpty();
        assertRefused(client.postJson("/v1/auth/keys/rotate", bad.in("{\"key_type\":\"live" + MARK + "\"}"),
                account.session()), "key_type", bad.issue);
        assertRefused(client.postJson("/v1/billing/checkout", bad.in("{\"plan\":\"pro" + MARK + "\"}"),
                account.session()), "plan", bad.issue);
        assertThat(PADDLE.findAll(anyRequestedFor(anyUrl()))).isEmpty();
        assertThat(output.getAll()).doesNotContain("Unhandled failure");
    }

    /** A live reset link for {@code account}, as if mailed. */
    private String liveResetToken(Account account) {
        String token = SecretTokens.generate(SecretTokens.PASSWORD_RESET);
        Instant now = Instant.now();
        jdbc.sql("INSERT INTO password_reset (token_hash, developer_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
                .params(SecretTokens.sha256(token), account.developerId(), Timestamp.from(now),
                        Timestamp.from(now.plus(Duration.ofMinutes(30))))
                .update();
        return token;
    }

    private void assertLinkUnusedAndPasswordUnchanged(Account account, String token) {
        assertThat(jdbc.sql("SELECT used_at IS NULL FROM password_reset WHERE token_hash = ?")
                .param(SecretTokens.sha256(token)).query(Boolean.class).single()).as("link still unused").isTrue();
        assertThat(post("/v1/auth/login", "{\"email\":\"" + account.email() + "\",\"password\":\""
                + account.password() + "\"}").status()).as("old password still works").isEqualTo(200);
    }

    @ParameterizedTest
    @EnumSource(Bad.class)
    void resetConfirmationRefusesTheTokenAndThePassword(Bad bad, CapturedOutput output) {
        Account account = register();
        String token = liveResetToken(account);
        assertRefused(post("/v1/auth/password-reset/confirm", bad.in("{\"token\":\"" + token + MARK
                + "\",\"password\":\"a brand new passphrase\"}")), "token", bad.issue);
        assertRefused(post("/v1/auth/password-reset/confirm", bad.in("{\"token\":\"" + token
                + "\",\"password\":\"a brand new passphrase" + MARK + "\"}")), "password", bad.issue);
        assertLinkUnusedAndPasswordUnchanged(account, token);
        assertThat(output.getAll()).doesNotContain("Unhandled failure");
    }

    @ParameterizedTest
    @EnumSource(value = Bad.class, names = "NUL")
    void theResetPageRefusesItsFormFieldsAndItsLink(Bad bad, CapturedOutput output) {
        Account account = register();
        String token = liveResetToken(account);
        assertRefused(client.send("POST", "/reset-password", FORM,
                "token=" + token + bad.percent + "&password=a+brand+new+passphrase", ANONYMOUS), "token", bad.issue);
        assertRefused(client.send("POST", "/reset-password", FORM,
                "token=" + token + "&password=a+brand+new+passphrase" + bad.percent, ANONYMOUS), "password", bad.issue);
        // A lone surrogate has no UTF-8 form: its CESU bytes make the form body not text at all.
        assertRefused(client.send("POST", "/reset-password", FORM,
                "token=" + token + "&password=a+brand+new+passphrase%ED%A0%80", ANONYMOUS), "body",
                "must be percent-encoded UTF-8");
        assertRefused(client.get("/reset-password?token=" + token + bad.percent, ANONYMOUS), "token", bad.issue);
        assertLinkUnusedAndPasswordUnchanged(account, token);
        assertThat(output.getAll()).doesNotContain("Unhandled failure");
    }

    @Test
    void theSameRegistrationWithStorableUnicodeSucceeds() {
        String email = uniqueEmail();
        String json = "{\"email\":\"" + email + "\",\"name\":\"Ada " + MARK + "\",\"password\":\"" + PASSWORD + "\"}";
        assertThat(post("/v1/auth/register", json.replace(MARK, "\\u00e9\\ud83d\\ude80 " + UUID.randomUUID()))
                .status()).isEqualTo(201);
        assertThat(developersWith(email)).isOne();
    }
}
