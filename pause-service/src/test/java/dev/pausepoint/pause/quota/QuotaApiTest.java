package dev.pausepoint.pause.quota;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.kit.SignedClient.Reply;
import dev.pausepoint.pause.PauseApiTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class QuotaApiTest extends PauseApiTest {

    private static final String EMAIL_PAUSE = """
            {"recipient": "ada@example.com", "channel": "email", "message": "Ok?", "options": ["Yes", "No"]}""";

    private static List<LoggedRequest> reservations() {
        return BILLING.findAll(postRequestedFor(urlEqualTo("/internal/usage/reserve")));
    }

    @Test
    void aLivePauseReservesItsSlotByItsIdAsPauseService() {
        CallerIdentity caller = developer("free", KeyMode.LIVE);
        String id = createdId(caller, SMS_PAUSE);
        assertThat(reservations()).hasSize(1);
        LoggedRequest reservation = reservations().get(0);
        JsonMapper json = JsonMapper.builder().build();
        assertThat(json.readTree(reservation.getBodyAsString())).as("fields in any order").isEqualTo(
                json.readTree("{\"developer_id\":\"" + caller.developerId() + "\",\"pause_id\":\"" + id + "\"}"));
        assertThat(signer.verifyInternalCall(reservation::getHeader, "POST", "/internal/usage/reserve"))
                .isEqualTo("pause-service");
    }

    @Test
    void testPausesNeverTouchTheQuota() {
        createdId(developer("free", KeyMode.TEST), SMS_PAUSE);
        assertThat(reservations()).isEmpty();
    }

    @Test
    void aRefusedReservationIsTheCallersAnswerAndNothingIsStored() {
        String refusal = "{\"error\":\"PLAN_LIMIT_REACHED\",\"message\":\"Monthly pause limit of 50 reached. Upgrade to "
                + "Starter for 500 pauses/month.\",\"status_code\":402}";
        BILLING.stubFor(post(urlEqualTo("/internal/usage/reserve")).willReturn(aResponse().withStatus(402)
                .withHeader("Content-Type", "application/json").withBody(refusal)));
        CallerIdentity caller = developer("free", KeyMode.LIVE);
        Reply reply = create(caller, SMS_PAUSE);
        assertThat(reply.status()).isEqualTo(402);
        assertThat(reply.body()).isEqualTo(refusal);
        assertThat(client.get("/v1/pause", caller).json().get("items")).isEmpty();
    }

    @Test
    void billingUnreachableIsServiceUnavailableAndNothingIsStored() {
        BILLING.stubFor(post(urlEqualTo("/internal/usage/reserve"))
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        CallerIdentity caller = developer("free", KeyMode.LIVE);
        Reply reply = create(caller, SMS_PAUSE);
        assertThat(reply.status()).isEqualTo(503);
        assertThat(reply.json().get("error").asString()).isEqualTo("SERVICE_UNAVAILABLE");
        assertThat(client.get("/v1/pause", caller).json().get("items")).isEmpty();
    }

    @Test
    void refusalsBeforeTheQuotaConsumeNothing() {
        CallerIdentity caller = developer("free", KeyMode.LIVE);
        assertThat(create(caller, "{\"channel\": \"sms\"}").status()).isEqualTo(400);
        assertThat(create(caller, SMS_PAUSE.replace("\"Deploy", "\"")).status()).isEqualTo(201);
        assertThat(create(caller, SMS_PAUSE.replace("Deploy v2.3 to production?", "")).status()).isEqualTo(422);
        assertThat(create(caller, EMAIL_PAUSE).status()).isEqualTo(403);
        assertThat(reservations()).as("only the one pause that was created").hasSize(1);
    }
}
