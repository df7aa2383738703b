package dev.pausepoint.response.respond;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.kit.SignedClient.Reply;
import dev.pausepoint.page.Stylesheet;
import dev.pausepoint.response.ResponseApiTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class RespondPageTest extends ResponseApiTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    private Reply page(String pathAndQuery) {
        return client.send("GET", "/respond/" + pathAndQuery, null, null, HUMAN);
    }

    private Reply post(String token, Map<String, String> fields) {
        String body = fields.entrySet().stream().map(field -> field.getKey() + "="
                + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return client.send("POST", "/respond/" + token, FORM, body, HUMAN, "User-Agent", "Mobile Safari/17");
    }

    private static Document html(Reply reply) {
        assertThat(reply.header("Content-Type")).startsWith("text/html");
        return Jsoup.parse(reply.body());
    }

    /** The confirmation form's fields as a browser would send them. */
    private static Map<String, String> formOf(Document page) {
        Element form = page.selectFirst("form[method=post]");
        assertThat(form).as("a confirmation form").isNotNull();
        return form.select("input[name], textarea[name]").stream()
                .collect(Collectors.toMap(input -> input.attr("name"),
                        input -> input.tagName().equals("textarea") ? input.text() : input.attr("value")));
    }

    @Test
    void thePendingPageOffersEveryOptionAsALinkToItsConfirmation() {
        StoredPause pause = StoredPause.pending();
        String token = stored(pause.withMessage("Refund order #1042 for $80?", List.of("Yes, refund", "No"), false));
        Reply reply = page(token);
        assertThat(reply.status()).isEqualTo(200);
        Document page = html(reply);
        assertThat(page.select("meta[name=viewport]").attr("content")).isEqualTo("width=device-width, initial-scale=1");
        assertThat(page.select(".message").text()).isEqualTo("Refund order #1042 for $80?");
        assertThat(page.select("a.button").eachText()).containsExactly("Yes, refund", "No");
        assertThat(page.select("a.button").eachAttr("href"))
                .containsExactly(token + "?choice=Yes%2C+refund", token + "?choice=No");
        assertThat(page.select("form")).as("choosing is a link; only the confirmation posts").isEmpty();
        assertThat(page.select("script")).isEmpty();
        assertThat(responsesRecorded(pause)).isZero();
    }

    @Test
    void pagesAreNeverCachedAndLoadNothingButTheirOwnStylesheet() throws Exception {
        Reply reply = page(stored(StoredPause.pending()));
        String style = html(reply).selectFirst("style").data();
        assertThat(style).as("the stylesheet resource, unchanged")
                .isEqualTo(new ClassPathResource(Stylesheet.RESOURCE).getContentAsString(StandardCharsets.UTF_8));
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256")
                .digest(style.getBytes(StandardCharsets.UTF_8)));
        assertThat(reply.header("Content-Security-Policy")).isEqualTo("default-src 'none'; style-src 'sha256-" + hash
                + "'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
        assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        assertThat(reply.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(reply.header("X-Frame-Options")).isEqualTo("DENY");
    }

    @Test
    void thePageSaysWhoIsAskingAndWhatSilenceMeans() {
        StoredPause pause = StoredPause.pending().withAsker("Acme Robotics", "deploy-bot", "Reject",
                Instant.parse("2026-12-01T14:00:00Z").plus(Duration.ofDays(3650)));
        Document choose = html(page(stored(pause)));
        assertThat(choose.select(".asker").text()).isEqualTo("Acme Robotics is asking, through its agent deploy-bot");
        assertThat(choose.select(".note").eachText()).contains(
                "If no one answers by 28 Nov 2036, 14:00 UTC, the agent will go ahead with ‘Reject’.");
        Document confirm = html(page(stored(pause) + "?choice=Approve"));
        assertThat(confirm.select(".asker").text()).isEqualTo("Acme Robotics is asking, through its agent deploy-bot");
    }

    @Test
    void withoutAnAgentOrADefaultThePageSaysSo() {
        StoredPause pause = StoredPause.pending().withAsker("Acme Robotics", null, null,
                Instant.parse("2036-11-28T14:00:00Z"));
        Document choose = html(page(stored(pause)));
        assertThat(choose.select(".asker").text()).isEqualTo("Acme Robotics is asking");
        assertThat(choose.select(".note").eachText()).contains("If no one answers by 28 Nov 2036, 14:00 UTC, the "
                + "request expires and the agent is told that no one answered.");
    }

    @Test
    void namesAreEscapedIsolatedAndCapped() {
        String longRtl = "ش".repeat(61);
        StoredPause pause = StoredPause.pending().withAsker("<script>alert(1)</script>\r\nX", longRtl, null,
                Instant.parse("2036-11-28T14:00:00Z"));
        Reply reply = page(stored(pause));
        assertThat(reply.body()).doesNotContain("<script").contains("&lt;script&gt;");
        Document choose = html(reply);
        assertThat(choose.select("script")).isEmpty();
        assertThat(choose.select(".asker bdi").eachText())
                .containsExactly("<script>alert(1)</script> X", "ش".repeat(59) + "…");
    }

    @Test
    void theAgentsTextIsEscapedNeverMarkup() {
        StoredPause pause = StoredPause.pending().withMessage("<script>alert(1)</script> & \"quotes\"",
                List.of("<b>yes</b>", "no\" onclick=\"x"), true);
        String token = stored(pause);
        Reply chooseReply = page(token);
        assertThat(chooseReply.body()).doesNotContain("<script").doesNotContain("<b>")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; ").contains("&lt;b&gt;yes&lt;/b&gt;");
        Document choose = html(chooseReply);
        assertThat(choose.select("script, b")).isEmpty();
        assertThat(choose.select(".message").text()).isEqualTo("<script>alert(1)</script> & \"quotes\"");
        assertThat(choose.select("a.button").eachText()).containsExactly("<b>yes</b>", "no\" onclick=\"x");
        assertThat(choose.select("[onclick]")).isEmpty();

        Document confirm = html(page(token + "?choice=" + URLEncoder.encode("no\" onclick=\"x", StandardCharsets.UTF_8)));
        assertThat(confirm.select("[onclick]")).isEmpty();
        assertThat(formOf(confirm).get("choice")).isEqualTo("no\" onclick=\"x");
        assertThat(confirm.select("strong").text()).isEqualTo("no\" onclick=\"x");
        assertThat(confirm.select("button[type=submit]").text()).isEqualTo("Confirm: no\" onclick=\"x");
    }

    @Test
    void theNoteTypedSoFarComesBackAsTheTextareasTextNeverMarkup() {
        StoredPause pause = StoredPause.pending().withMessage("Deploy?", List.of("Approve", "Reject"), true);
        String token = stored(pause);
        String note = "</textarea><script>alert(1)</script> & \"quoted\" 'single'";
        Reply again = post(token, Map.of("choice", "Approve", "nonce", "stale", "text", note));
        assertThat(again.status()).isEqualTo(403);
        assertThat(again.body()).doesNotContain("<script").contains("&lt;/textarea&gt;&lt;script&gt;");
        Document page = html(again);
        assertThat(page.select("script")).isEmpty();
        assertThat(page.select("textarea[name=text]")).hasSize(1);
        assertThat(formOf(page).get("text")).isEqualTo(note);
        assertThat(responsesRecorded(pause)).isZero();
    }

    @Test
    void anEmailButtonsChoiceIsPreselectedAndNothingHappensUntilTheHumanConfirms() {
        StoredPause pause = StoredPause.pending().withMessage("Deploy?", List.of("Approve", "Reject"), true);
        String token = stored(pause);
        Reply opened = page(token + "?choice=Reject");
        assertThat(client.send("HEAD", "/respond/" + token + "?choice=Reject", null, null, HUMAN).status()).isEqualTo(200);
        assertThat(opened.status()).isEqualTo(200);
        Document confirm = html(opened);
        assertThat(confirm.select("h1").text()).isEqualTo("Confirm your answer");
        assertThat(confirm.select("button[type=submit]").text()).isEqualTo("Confirm: Reject");
        assertThat(confirm.select("form").attr("action")).isEqualTo(token);
        assertThat(confirm.select("textarea[name=text]").attr("maxlength")).isEqualTo("2000");
        assertThat(confirm.select("a.button.secondary").attr("href")).isEqualTo(token);
        assertThat(responsesRecorded(pause)).as("GET and HEAD record nothing").isZero();

        respondAnswers(pause, 200, pause.withStatus("responded", "Reject").json());
        Map<String, String> form = formOf(confirm);
        form.put("text", "wait for Monday");
        Reply done = post(token, form);
        assertThat(done.status()).isEqualTo(200);
        assertThat(html(done).select("h1").text()).isEqualTo("Thank you");
        assertThat(html(done).select("strong").text()).isEqualTo("Reject");
        PAUSE_SERVICE.verify(postRequestedFor(urlEqualTo(respondPath(pause.pauseId()))).withRequestBody(equalToJson("""
                {"choice": "Reject", "text": "wait for Monday", "actor_ip": "198.51.100.77",
                 "user_agent": "Mobile Safari/17"}""")));
    }

    @Test
    void aChoiceThatIsNotAnOptionShowsTheOptions() {
        String token = stored(StoredPause.pending());
        Document page = html(page(token + "?choice=Maybe"));
        assertThat(page.select("form")).isEmpty();
        assertThat(page.select("a.button").eachText()).containsExactly("Approve", "Reject");
    }

    @Test
    void aPostWithoutAValidNonceRecordsNothingAndAsksAgain() {
        StoredPause pause = StoredPause.pending();
        String token = stored(pause);
        String otherToken = stored(StoredPause.pending());
        String foreignNonce = formOf(html(page(otherToken + "?choice=Approve"))).get("nonce");
        String ownNonce = formOf(html(page(token + "?choice=Approve"))).get("nonce");
        String forged = ownNonce.substring(0, ownNonce.indexOf('.') + 1) + "A".repeat(22);

        for (String nonce : List.of("", "garbage", "1.2", foreignNonce, forged)) {
            Reply refused = post(token, Map.of("choice", "Approve", "nonce", nonce));
            assertThat(refused.status()).as(nonce).isEqualTo(403);
            Document again = html(refused);
            assertThat(again.select(".problem").text()).isEqualTo("Please confirm your answer once more.");
            assertThat(formOf(again).get("choice")).isEqualTo("Approve");
        }
        assertThat(responsesRecorded(pause)).isZero();
    }

    @Test
    void finishedLinksGetTheirOwnPages() {
        StoredPause answered = StoredPause.pending();
        Reply answeredPage = page(stored(answered.withStatus("responded", "Approve")));
        assertThat(answeredPage.status()).isEqualTo(410);
        assertThat(html(answeredPage).select("h1").text()).isEqualTo("Already answered");
        assertThat(html(answeredPage).select("strong").text()).isEqualTo("Approve");

        Reply cancelled = page(stored(StoredPause.pending().withStatus("cancelled", null)) + "?choice=Approve");
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(html(cancelled).select("h1").text()).isEqualTo("No longer needed");
        assertThat(html(cancelled).select("form")).isEmpty();

        Reply timedOut = page(stored(StoredPause.pending().withStatus("timed_out", "Reject")));
        assertThat(timedOut.status()).isEqualTo(410);
        assertThat(html(timedOut).select("h1").text()).isEqualTo("This request has expired");
        assertThat(html(timedOut).text()).contains("went ahead with its default answer Reject");

        Reply invalid = page("bm90LWEtdG9rZW4.AAAAAAAAAAAAAAAAAAAAAA");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(html(invalid).select("h1").text()).isEqualTo("This link is not valid");
    }

    @Test
    void aLinkThatExpiresWhileThePageIsOpenShowsExpiredOnConfirm() {
        StoredPause pause = StoredPause.pending();
        String token = stored(pause);
        Map<String, String> form = formOf(html(page(token + "?choice=Approve")));
        clock.freeze();
        clock.advance(Duration.between(clock.instant(), pause.expiresAt()));
        Reply late = post(token, form);
        assertThat(late.status()).isEqualTo(410);
        assertThat(html(late).select("h1").text()).isEqualTo("This request has expired");
        assertThat(html(late).text()).contains("no answer was recorded");
        assertThat(responsesRecorded(pause)).isZero();
    }

    @Test
    void aSecondConfirmShowsTheFirstAnswer() {
        StoredPause pause = StoredPause.pending();
        String token = stored(pause);
        respondAnswers(pause, 200, pause.withStatus("responded", "Approve").json());
        Map<String, String> approve = formOf(html(page(token + "?choice=Approve")));
        Map<String, String> reject = formOf(html(page(token + "?choice=Reject")));
        assertThat(post(token, approve).status()).isEqualTo(200);
        Reply second = post(token, reject);
        assertThat(second.status()).isEqualTo(410);
        assertThat(html(second).select("h1").text()).isEqualTo("Already answered");
        assertThat(html(second).select("strong").text()).isEqualTo("Approve");
        assertThat(responsesRecorded(pause)).isEqualTo(1);
    }

    @Test
    void pauseServiceBrieflyDownKeepsTheFormWithAReason() {
        StoredPause pause = StoredPause.pending();
        String token = stored(pause);
        respondFails(pause);
        Reply failed = post(token, formOf(html(page(token + "?choice=Approve"))));
        assertThat(failed.status()).isEqualTo(503);
        Document again = html(failed);
        assertThat(again.select(".problem").text()).contains("could not be recorded just now");
        assertThat(formOf(again).get("choice")).isEqualTo("Approve");
        assertThat(ledgerRows(pause)).isZero();
    }
}
