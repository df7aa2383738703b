package dev.pausepoint.billing.passwordreset;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pausepoint.billing.BillingApiTest;
import dev.pausepoint.billing.credential.SecretTokens;
import dev.pausepoint.kit.SignedClient.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class PasswordResetApiTest extends BillingApiTest {

    private static final Pattern LINK = Pattern.compile("http://localhost:8080/reset-password\\?token=(ppr_[0-9a-f]{48})");

    @Autowired
    JdbcClient jdbc;

    private Reply requestReset(String email) {
        return client.postJson("/v1/auth/password-reset", "{\"email\":\"" + email + "\"}", ANONYMOUS);
    }

    private Reply confirm(String token, String password) {
        return client.postJson("/v1/auth/password-reset/confirm",
                "{\"token\":\"" + token + "\",\"password\":\"" + password + "\"}", ANONYMOUS);
    }

    private Reply login(String email, String password) {
        return client.postJson("/v1/auth/login", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}",
                ANONYMOUS);
    }

    private LoggedRequest awaitMail(int count) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> SENDGRID.findAll(postRequestedFor(urlEqualTo("/v3/mail/send"))).size() >= count);
        List<LoggedRequest> mails = SENDGRID.findAll(postRequestedFor(urlEqualTo("/v3/mail/send")));
        assertThat(mails).hasSize(count);
        return mails.get(count - 1);
    }

    private static String tokenIn(LoggedRequest mail) {
        Matcher link = LINK.matcher(mail.getBodyAsString());
        assertThat(link.find()).as("reset link in " + mail.getBodyAsString()).isTrue();
        return link.group(1);
    }

    @Test
    void resetLinkIsMailedThroughSendGridWithTheExactRequest() {
        Account account = register();
        Reply reply = requestReset(account.email().toUpperCase());
        assertThat(reply.status()).isEqualTo(202);

        LoggedRequest mail = awaitMail(1);
        assertThat(mail.getHeader("Authorization")).isEqualTo("Bearer SG.test-key");
        JsonNode body = JsonMapper.builder().build().readTree(mail.getBodyAsString());
        assertThat(body.get("from").toString()).isEqualTo("{\"name\":\"PausePoint\",\"email\":\"no-reply@pausepoint.test\"}");
        assertThat(body.get("subject").asString()).isEqualTo("Reset your PausePoint password");
        assertThat(body.get("personalizations").toString()).isEqualTo("[{\"to\":[{\"email\":\"" + account.email() + "\"}]}]");
        assertThat(body.get("content").get(0).get("type").asString()).isEqualTo("text/plain");
        assertThat(body.get("content").get(1).get("type").asString()).isEqualTo("text/html");
        String token = tokenIn(mail);
        assertThat(body.get("content").get(0).get("value").asString()).isEqualTo(
                "Someone asked to reset the password of your PausePoint account.\n\n"
                        + "Choose a new password within 30 minutes here:\n"
                        + "http://localhost:8080/reset-password?token=" + token + "\n\n"
                        + "If that was not you, ignore this email; your password stays as it is.\n");
        assertThat(body.get("content").get(1).get("value").asString()).isEqualTo(
                "<p>Someone asked to reset the password of your PausePoint account.</p>\n"
                        + "<p><a href=\"http://localhost:8080/reset-password?token=" + token + "\">Choose a new password</a>"
                        + " within 30 minutes.</p>\n"
                        + "<p>If that was not you, ignore this email; your password stays as it is.</p>\n");
    }

    @Test
    void unknownEmailGetsTheSameAnswerAndNoMail() {
        Reply unknown = requestReset(uniqueEmail());
        Account account = register();
        Reply known = requestReset(account.email());
        assertThat(unknown.status()).isEqualTo(202);
        assertThat(unknown.body()).isEqualTo(known.body());
        // One sender thread in order: once the known account's mail is out, an unknown one would be too.
        assertThat(tokenIn(awaitMail(1))).isNotBlank();
        assertThat(awaitMail(1).getBodyAsString()).contains(account.email());
    }

    @Test
    void theLinkSetsANewPasswordOnceAndEndsEverySession() {
        Account account = register();
        String session = login(account.email(), account.password()).json().get("session_token").asString();
        requestReset(account.email());
        String token = tokenIn(awaitMail(1));

        Reply confirmed = confirm(token, "a brand new passphrase");
        assertThat(confirmed.status()).isEqualTo(200);
        assertThat(login(account.email(), account.password()).status()).isEqualTo(401);
        assertThat(login(account.email(), "a brand new passphrase").status()).isEqualTo(200);
        assertThat(lookup("session", SecretTokens.sha256(session)).status()).as("old session ended").isEqualTo(404);

        Reply again = confirm(token, "yet another passphrase");
        assertThat(again.status()).isEqualTo(410);
        assertThat(again.json().get("error").asString()).isEqualTo("TOKEN_USED");
    }

    @Test
    void usingALinkSpendsTheAccountsOtherLinksButNoOtherAccounts() {
        Account account = register();
        Account other = register();
        requestReset(account.email());
        String first = tokenIn(awaitMail(1));
        requestReset(other.email());
        String others = tokenIn(awaitMail(2));
        requestReset(account.email());
        String second = tokenIn(awaitMail(3));

        assertThat(confirm(second, "a brand new passphrase").status()).isEqualTo(200);
        Reply stale = confirm(first, "yet another passphrase");
        assertThat(stale.status()).isEqualTo(410);
        assertThat(stale.json().get("error").asString()).isEqualTo("TOKEN_USED");
        assertThat(login(account.email(), "a brand new passphrase").status()).as("the stale link changed nothing")
                .isEqualTo(200);
        assertThat(confirm(others, "a brand new passphrase").status()).as("another account's link").isEqualTo(200);
    }

    @Test
    void anExpiredLinkIsTokenExpired() {
        Account account = register();
        String token = SecretTokens.generate(SecretTokens.PASSWORD_RESET);
        Instant past = Instant.now().minus(Duration.ofMinutes(31));
        jdbc.sql("INSERT INTO password_reset (token_hash, developer_id, created_at, expires_at) VALUES (?, ?, ?, ?)")
                .params(SecretTokens.sha256(token), account.developerId(), Timestamp.from(past.minusSeconds(60)),
                        Timestamp.from(past))
                .update();
        Reply reply = confirm(token, "a brand new passphrase");
        assertThat(reply.status()).isEqualTo(410);
        assertThat(reply.json().get("error").asString()).isEqualTo("TOKEN_EXPIRED");
        assertThat(login(account.email(), account.password()).status()).as("password unchanged").isEqualTo(200);
    }

    @Test
    void aLinkThatCannotBeUsedIsAnsweredWithoutHashingTheNewPassword() {
        Account account = register();
        Instant past = Instant.now().minus(Duration.ofMinutes(31));
        String expired = SecretTokens.generate(SecretTokens.PASSWORD_RESET);
        String used = SecretTokens.generate(SecretTokens.PASSWORD_RESET);
        jdbc.sql("""
                INSERT INTO password_reset (token_hash, developer_id, created_at, expires_at, used_at)
                VALUES (?, ?, ?, ?, NULL), (?, ?, ?, ?, ?)""")
                .params(SecretTokens.sha256(expired), account.developerId(), Timestamp.from(past.minusSeconds(60)),
                        Timestamp.from(past), SecretTokens.sha256(used), account.developerId(), Timestamp.from(past),
                        Timestamp.from(Instant.now().plus(Duration.ofMinutes(20))), Timestamp.from(Instant.now()))
                .update();
        clearInvocations(passwords);

        String unknown = SecretTokens.generate(SecretTokens.PASSWORD_RESET);
        assertThat(confirm(unknown, "a brand new passphrase").json().get("error").asString()).isEqualTo("INVALID_TOKEN");
        assertThat(confirm(expired, "a brand new passphrase").json().get("error").asString())
                .isEqualTo("TOKEN_EXPIRED");
        assertThat(confirm(used, "a brand new passphrase").json().get("error").asString()).isEqualTo("TOKEN_USED");
        verify(passwords, never()).encode(any());

        requestReset(account.email());
        assertThat(confirm(tokenIn(awaitMail(1)), "a brand new passphrase").status()).isEqualTo(200);
        verify(passwords, times(1)).encode(any());
    }

    @Test
    void anUnknownOrMalformedLinkIsInvalidToken() {
        assertThat(confirm(SecretTokens.generate(SecretTokens.PASSWORD_RESET), "a brand new passphrase").json()
                .get("error").asString()).isEqualTo("INVALID_TOKEN");
        assertThat(confirm("ppr_nothex", "a brand new passphrase").status()).isEqualTo(400);
    }

    @Test
    void theNewPasswordFollowsTheSameRules() {
        Reply reply = confirm(SecretTokens.generate(SecretTokens.PASSWORD_RESET), "short");
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("detail").get(0).get("field").asString()).isEqualTo("password");
    }

    @Test
    void theHostedPageShowsAFormAndOpeningItChangesNothing() {
        Account account = register();
        requestReset(account.email());
        String token = tokenIn(awaitMail(1));

        Reply page = client.get("/reset-password?token=" + token, ANONYMOUS);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'").contains("form-action 'self'");
        assertThat(page.header("Cache-Control")).contains("no-store");
        assertThat(page.body()).contains("<form method=\"post\" action=\"/reset-password\">")
                .contains("name=\"token\" value=\"" + token + "\"").doesNotContain("<script");

        String form = "token=" + token + "&password=" + URLEncoder.encode("chosen on the page", StandardCharsets.UTF_8);
        Reply submitted = client.send("POST", "/reset-password", "application/x-www-form-urlencoded", form, ANONYMOUS);
        assertThat(submitted.status()).isEqualTo(200);
        assertThat(submitted.body()).contains("Password changed");
        assertThat(login(account.email(), "chosen on the page").status()).isEqualTo(200);

        Reply reused = client.send("POST", "/reset-password", "application/x-www-form-urlencoded", form, ANONYMOUS);
        assertThat(reused.status()).isEqualTo(410);
        assertThat(reused.body()).contains("already used");
    }

    @Test
    void theHostedPageEscapesWhatItEchoes() {
        String token = "\"><script>alert(1)</script> & 'x'";
        Reply page = client.get("/reset-password?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8), ANONYMOUS);
        assertThat(page.body()).doesNotContain("<script").contains("&lt;script").contains("&amp; ");
        Document html = Jsoup.parse(page.body());
        assertThat(html.select("input[name=token]").attr("value")).isEqualTo(token);
        assertThat(html.select("script")).isEmpty();
        assertThat(html.select("form input")).hasSize(2);
    }

    @Test
    void aTooShortPasswordShowsTheFormAgainWithTheReasonAndTheSameToken() {
        String token = "ppr_\"><b>bold</b>";
        Reply reply = client.send("POST", "/reset-password", "application/x-www-form-urlencoded",
                "token=" + URLEncoder.encode(token, StandardCharsets.UTF_8) + "&password=short", ANONYMOUS);
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.header("Content-Security-Policy")).contains("default-src 'none'");
        Document html = Jsoup.parse(reply.body());
        assertThat(html.select("h1").text()).isEqualTo("Choose a new password");
        assertThat(html.select(".problem").text()).isEqualTo("Use 10 to 72 characters.");
        assertThat(html.select("input[name=token]").attr("value")).isEqualTo(token);
        assertThat(html.select("b")).isEmpty();
        assertThat(html.select("input[name=password]").attr("minlength")).isEqualTo("10");
    }

    @Test
    void anUnusableLinkGetsAPageThatSaysWhy() {
        Reply reply = client.send("POST", "/reset-password", "application/x-www-form-urlencoded",
                "token=" + SecretTokens.generate(SecretTokens.PASSWORD_RESET) + "&password=a+brand+new+passphrase",
                ANONYMOUS);
        assertThat(reply.status()).isEqualTo(400);
        Document html = Jsoup.parse(reply.body());
        assertThat(html.select("h1").text()).isEqualTo("This link cannot be used");
        assertThat(html.select("main > p").text()).isEqualTo("This reset link is not valid.");
        assertThat(html.select("form")).isEmpty();
    }
}
