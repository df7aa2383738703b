package dev.pausepoint.response.respond;

import static dev.pausepoint.kit.UnstorableText.MARK;
import static dev.pausepoint.kit.UnstorableText.assertRefused;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.kit.SignedClient.Reply;
import dev.pausepoint.kit.UnstorableText.Bad;
import dev.pausepoint.response.ResponseApiTest;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The human's answer with text Postgres cannot hold, through the JSON API and the hosted page's form: a
 * 422 naming the field, checked before the answer goes to pause-service, so nothing is recorded and the
 * link stays usable. Before, the JSON API and a form with a valid nonce passed the text on.
 */
@ExtendWith(OutputCaptureExtension.class)
class UnstorableTextApiTest extends ResponseApiTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    /** A pending pause that allows a note, and pause-service ready to record an answer to it. */
    private StoredPause answerable() {
        StoredPause pause = StoredPause.pending().withMessage("Ship it?", List.of("Approve", "Reject"), true);
        respondAnswers(pause, 200, pause.withStatus("responded", "Approve").json());
        return pause;
    }

    private void assertNothingRecorded(StoredPause pause, CapturedOutput output) {
        assertThat(responsesRecorded(pause)).isZero();
        assertThat(ledgerRows(pause)).isZero();
        assertThat(output.getAll()).doesNotContain("Unhandled failure");
    }

    @ParameterizedTest
    @EnumSource(Bad.class)
    void theApisChoiceAndTextAreRefused(Bad bad, CapturedOutput output) {
        StoredPause pause = answerable();
        String token = stored(pause);
        assertRefused(client.postJson("/v1/respond/" + token, bad.in("{\"choice\":\"Approve" + MARK + "\"}"), HUMAN),
                "choice", bad.issue);
        assertRefused(client.postJson("/v1/respond/" + token,
                bad.in("{\"choice\":\"Approve\",\"text\":\"fine " + MARK + "\"}"), HUMAN), "text", bad.issue);
        assertNothingRecorded(pause, output);
        // The link is still good for a clean answer.
        assertThat(client.postJson("/v1/respond/" + token, "{\"choice\":\"Approve\"}", HUMAN).status()).isEqualTo(200);
    }

    /** The form as the confirmation page issues it, for {@code choice}, with its valid nonce. */
    private String nonceFor(String token) {
        Reply confirm = client.send("GET", "/respond/" + token + "?choice=Approve", null, null, HUMAN);
        Document page = Jsoup.parse(confirm.body());
        return page.selectFirst("input[name=nonce]").attr("value");
    }

    private Reply postForm(String token, String body) {
        return client.send("POST", "/respond/" + token, FORM, body, HUMAN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"choice", "text", "nonce"})
    void theFormsFieldsAreRefusedEvenWithAValidNonce(String field, CapturedOutput output) {
        StoredPause pause = answerable();
        String token = stored(pause);
        String nonce = nonceFor(token);
        String choice = field.equals("choice") ? "Approve%00" : "Approve";
        String text = field.equals("text") ? "a%00note" : "a+note";
        String sentNonce = field.equals("nonce") ? nonce + "%00" : nonce;
        assertRefused(postForm(token, "choice=" + choice + "&text=" + text + "&nonce=" + sentNonce), field,
                Bad.NUL.issue);
        assertNothingRecorded(pause, output);
    }

    @Test
    void aSurrogateInAFormIsNotUtf8SoTheBodyIsRefused(CapturedOutput output) {
        StoredPause pause = answerable();
        String token = stored(pause);
        String nonce = nonceFor(token);
        // The CESU bytes of U+D800: the only way a form could carry a lone surrogate.
        assertRefused(postForm(token, "choice=Approve&text=a%ED%A0%80&nonce=" + nonce), "body",
                "must be percent-encoded UTF-8");
        assertRefused(postForm(token, "choice=Approve&text=a%ED%B0%80&nonce=" + nonce), "body",
                "must be percent-encoded UTF-8");
        assertNothingRecorded(pause, output);
    }

    @Test
    void thePagesChoiceLinkAndTheTokenAreChecked(CapturedOutput output) {
        StoredPause pause = answerable();
        String token = stored(pause);
        assertRefused(client.send("GET", "/respond/" + token + "?choice=Approve%00", null, null, HUMAN), "choice",
                Bad.NUL.issue);
        assertRefused(client.send("GET", "/respond/" + token + "?choice=%ED%A0%80", null, null, HUMAN), "query",
                "must be percent-encoded UTF-8");
        for (String bad : new String[] {"%00", "%ED%A0%80", "%FF"}) {
            assertRefused(client.send("GET", "/respond/" + token + bad, null, null, HUMAN), "request", "is malformed");
            assertRefused(client.send("GET", "/v1/respond/" + token + bad, null, null, HUMAN), "request",
                    "is malformed");
            assertRefused(client.postJson("/v1/respond/" + token + bad, "{\"choice\":\"Approve\"}", HUMAN), "request",
                    "is malformed");
        }
        assertNothingRecorded(pause, output);
    }
}
