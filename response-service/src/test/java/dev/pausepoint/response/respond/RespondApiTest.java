package dev.pausepoint.response.respond;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.kit.SignedClient.Reply;
import dev.pausepoint.response.ResponseApiTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;

class RespondApiTest extends ResponseApiTest {

    private Reply view(String token) {
        return client.get("/v1/respond/" + token, HUMAN);
    }

    private Reply respond(String token, String json) {
        return client.send("POST", "/v1/respond/" + token, "application/json", json, HUMAN, "User-Agent", "Phone/2.0");
    }

    private static void assertError(Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.json().get("error").asString()).isEqualTo(code);
        assertThat(reply.json().get("status_code").asInt()).isEqualTo(status);
    }

    @Test
    void aPendingLinkShowsTheQuestionAndChangesNothing() {
        StoredPause pause = StoredPause.pending();
        String token = stored(pause);
        Reply reply = view(token);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("pause_id").asString()).isEqualTo(pause.pauseId());
        assertThat(reply.json().get("message").asString()).isEqualTo("Deploy build 42 to production?");
        assertThat(reply.json().get("options").values().stream().map(node -> node.asString()).toList())
                .containsExactly("Approve", "Reject");
        assertThat(reply.json().get("allow_text_response").asBoolean()).isFalse();
        assertThat(reply.json().get("status").asString()).isEqualTo("pending");
        assertThat(reply.json().get("expires_at").asString()).isEqualTo(pause.expiresAt().toString());
        assertThat(reply.json().propertyNames()).containsExactlyInAnyOrder("pause_id", "message", "options",
                "allow_text_response", "status", "expires_at", "requested_by", "timeout_default");
        assertThat(reply.json().get("requested_by").toString()).isEqualTo("{\"account_name\":null,\"agent_name\":null}");
        assertThat(reply.json().get("timeout_default").isNull()).isTrue();
        assertThat(responsesRecorded(pause)).isZero();
    }

    @Test
    void aPendingLinkSaysWhoAsksAndWhatSilenceChooses() {
        StoredPause pause = StoredPause.pending().withAsker("Zoë & Co", "deploy-bot 🤖", "Reject",
                Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS));
        Reply reply = view(stored(pause));
        assertThat(reply.json().get("requested_by").get("account_name").asString()).isEqualTo("Zoë & Co");
        assertThat(reply.json().get("requested_by").get("agent_name").asString()).isEqualTo("deploy-bot 🤖");
        assertThat(reply.json().get("timeout_default").asString()).isEqualTo("Reject");
    }

    @Test
    void changingAnySingleCharacterOfTheTokenIsInvalid() {
        StoredPause pause = StoredPause.pending();
        String token = stored(pause);
        for (int i = 0; i < token.length(); i++) {
            char original = token.charAt(i);
            char replacement = original == 'A' ? 'B' : 'A';
            String tampered = token.substring(0, i) + replacement + token.substring(i + 1);
            assertError(view(tampered), 400, "INVALID_TOKEN");
            assertError(respond(tampered, "{\"choice\":\"Approve\"}"), 400, "INVALID_TOKEN");
        }
        assertThat(responsesRecorded(pause)).isZero();
        assertError(view("not-a-token"), 400, "INVALID_TOKEN");
        assertError(view("x".repeat(200)), 400, "INVALID_TOKEN");
    }

    @Test
    void anAnswerIsRecordedWithTheRespondersAddressAndDeviceThenTheLinkIsSpent() {
        StoredPause pause = StoredPause.pending();
        String token = stored(pause);
        respondAnswers(pause, 200, pause.withStatus("responded", "Approve").json());

        Reply answered = respond(token, "{\"choice\":\"Approve\",\"text\":\"ship it\"}");
        assertThat(answered.status()).as(answered.body()).isEqualTo(200);
        assertThat(answered.json().get("pause_id").asString()).isEqualTo(pause.pauseId());
        assertThat(answered.json().get("status").asString()).isEqualTo("responded");
        assertThat(answered.json().get("choice").asString()).isEqualTo("Approve");
        assertThat(answered.json().get("response_at").asString()).isEqualTo("2026-11-25T10:00:00Z");
        PAUSE_SERVICE.verify(exactly(1), postRequestedFor(urlEqualTo(respondPath(pause.pauseId())))
                .withRequestBody(equalToJson("""
                        {"choice": "Approve", "text": "ship it", "actor_ip": "198.51.100.77", "user_agent": "Phone/2.0"}""")));

        // The ledger answers every later use, without asking pause-service again.
        Reply replay = respond(token, "{\"choice\":\"Reject\"}");
        assertError(replay, 410, "TOKEN_USED");
        assertThat(replay.json().get("choice").asString()).isEqualTo("Approve");
        Reply reopened = view(token);
        assertError(reopened, 410, "TOKEN_USED");
        assertThat(reopened.json().get("choice").asString()).isEqualTo("Approve");
        assertThat(responsesRecorded(pause)).isEqualTo(1);
        assertThat(ledgerRows(pause)).isEqualTo(1);
        assertThat(jdbc.sql("SELECT count(*) FROM used_token WHERE token_hash = ?").param(token).query(Integer.class)
                .single()).as("the ledger keeps a hash, never the token").isZero();
    }

    @Test
    void losingARaceInPauseServiceIsTokenUsedWithTheWinningChoice() {
        StoredPause pause = StoredPause.pending();
        String token = stored(pause);
        respondAnswers(pause, 409, error("ALREADY_RESPONDED", 409, "Pause already has a response."));
        stored(pause.withStatus("responded", "Reject"));

        Reply lost = respond(token, "{\"choice\":\"Approve\"}");
        assertError(lost, 410, "TOKEN_USED");
        assertThat(lost.json().get("choice").asString()).isEqualTo("Reject");
        // Written back to the ledger: the next attempt is answered without pause-service.
        respond(token, "{\"choice\":\"Approve\"}");
        assertThat(responsesRecorded(pause)).isEqualTo(1);
    }

    @Test
    void aLinkPastItsExpiryIsExpiredAndRecordsNothing() {
        StoredPause pause = StoredPause.pending();
        String token = stored(pause);
        clock.freeze();
        clock.advance(Duration.between(clock.instant(), pause.expiresAt()));
        assertError(view(token), 410, "TOKEN_EXPIRED");
        assertError(respond(token, "{\"choice\":\"Approve\"}"), 410, "TOKEN_EXPIRED");
        assertThat(responsesRecorded(pause)).isZero();
    }

    @Test
    void aTimedOutPauseIsExpiredEvenBeforeItsLinkIs() {
        StoredPause pause = StoredPause.pending();
        String token = stored(pause.withStatus("timed_out", "Reject"));
        assertError(view(token), 410, "TOKEN_EXPIRED");
        respondAnswers(pause, 409, error("ALREADY_TIMED_OUT", 409, "Pause already timed out."));
        assertError(respond(token, "{\"choice\":\"Approve\"}"), 410, "TOKEN_EXPIRED");
    }

    @Test
    void aCancelledPauseShowsAsCancelledAndRefusesAnswers() {
        StoredPause pause = StoredPause.pending();
        String token = stored(pause.withStatus("cancelled", null));
        Reply reply = view(token);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("status").asString()).isEqualTo("cancelled");
        respondAnswers(pause, 409, error("ALREADY_CANCELLED", 409, "Pause was already cancelled."));
        assertError(respond(token, "{\"choice\":\"Approve\"}"), 409, "ALREADY_CANCELLED");
        assertThat(ledgerRows(pause)).isZero();
    }

    @Test
    void pauseServiceRejectionsReachTheHumanAsTheyAre() {
        StoredPause pause = StoredPause.pending();
        String token = stored(pause);
        respondAnswers(pause, 400, error("INVALID_CHOICE", 400, "choice must be one of: Approve, Reject."));
        Reply wrong = respond(token, "{\"choice\":\"Maybe\"}");
        assertError(wrong, 400, "INVALID_CHOICE");
        assertThat(wrong.json().get("message").asString()).isEqualTo("choice must be one of: Approve, Reject.");
        // A rejected answer does not spend the link.
        assertThat(view(token).status()).isEqualTo(200);
    }

    @Test
    void wrongJsonTypesAreValidationErrors() {
        String token = stored(StoredPause.pending());
        Reply reply = respond(token, "{\"choice\": 5}");
        assertError(reply, 422, "VALIDATION_ERROR");
        assertThat(reply.json().get("detail").get(0).get("field").asString()).isEqualTo("choice");
    }

    @Test
    void aLinkToAPauseThatDoesNotExistIsInvalid() {
        StoredPause unknown = StoredPause.pending();
        String token = tokens.issue(unknown.pauseId(), unknown.expiresAt());
        findAnswers(unknown, 404, error("PAUSE_NOT_FOUND", 404, "Pause not found."));
        assertError(view(token), 400, "INVALID_TOKEN");
    }

    @Test
    void pauseServiceDownIsServiceUnavailableAndSpendsNothing() {
        StoredPause pause = StoredPause.pending();
        String token = stored(pause);
        respondFails(pause);
        assertError(respond(token, "{\"choice\":\"Approve\"}"), 503, "SERVICE_UNAVAILABLE");
        assertThat(ledgerRows(pause)).isZero();
        assertThat(view(token).status()).isEqualTo(200);
    }

    @Test
    void theLedgerBeingUnavailableCostsACallToPauseServiceNotTheAnswer() {
        StoredPause pause = StoredPause.pending();
        String token = stored(pause);
        respondAnswers(pause, 200, pause.withStatus("responded", "Approve").json());
        jdbc.sql("ALTER TABLE used_token RENAME TO used_token_away").update();
        try {
            Reply answered = respond(token, "{\"choice\":\"Approve\"}");
            assertThat(answered.status()).as(answered.body()).isEqualTo(200);
            assertThat(answered.json().get("choice").asString()).isEqualTo("Approve");
        } finally {
            jdbc.sql("ALTER TABLE used_token_away RENAME TO used_token").update();
        }
        // pause-service, the authority, turns the next use away even though the ledger missed the first.
        respondAnswers(pause, 409, error("ALREADY_RESPONDED", 409, "Pause already has a response."));
        stored(pause.withStatus("responded", "Approve"));
        Reply replay = respond(token, "{\"choice\":\"Reject\"}");
        assertError(replay, 410, "TOKEN_USED");
        assertThat(replay.json().get("choice").asString()).isEqualTo("Approve");
    }
}
