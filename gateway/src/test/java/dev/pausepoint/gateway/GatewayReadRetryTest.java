package dev.pausepoint.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.pausepoint.testsupport.TestSecrets;
import dev.pausepoint.testsupport.http.DyingServer;
import dev.pausepoint.testsupport.http.DyingServer.Ending;
import dev.pausepoint.testsupport.spring.RealInfrastructure;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A rolling restart as the gateway sees it: a copy of pause-service that takes a request and then closes
 * or resets the connection unanswered, and the next connection reaching a copy that answers. A read is
 * tried once more and succeeds; a write, a timeout and an answered status are never repeated.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "pausepoint.internal-secret=" + TestSecrets.INTERNAL_SECRET,
                "spring.cloud.gateway.server.webflux.httpclient.response-timeout=1s"})
@RealInfrastructure
class GatewayReadRetryTest {

    private static final DyingServer PAUSE_SERVICE = DyingServer.answering();
    private static final String UNAVAILABLE = "{\"error\":\"SERVICE_UNAVAILABLE\",\"message\":\"A service needed "
            + "for this request is unavailable; try again shortly.\",\"status_code\":503}";

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        DownstreamStubs.register(registry);
        registry.add("pausepoint.services.pause-service", PAUSE_SERVICE::url);
    }

    @BeforeEach
    void knownKeys() {
        DownstreamStubs.reset();
    }

    @AfterEach
    void answerAgain() {
        PAUSE_SERVICE.dieOnNext(0, Ending.CLOSE);
    }

    private HttpResponse<String> send(String method, String path) {
        return GatewayHttp.send(port, method, path,
                method.equals("GET") ? BodyPublishers.noBody() : BodyPublishers.ofString("{\"message\":\"deploy?\"}"),
                "Content-Type", "application/json", "Authorization", "Bearer " + DownstreamStubs.LIVE_KEY);
    }

    @ParameterizedTest
    @EnumSource(value = Ending.class, names = {"CLOSE", "RESET"})
    void aReadWhoseConnectionEndsUnansweredIsTriedOnceMore(Ending ending) {
        PAUSE_SERVICE.dieOnNext(1, ending);
        int before = PAUSE_SERVICE.requests();
        HttpResponse<String> reply = send("GET", "/v1/pause/psr_1?wait=5");
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"answered\":true}");
        assertThat(PAUSE_SERVICE.requests() - before).as("the failed attempt and the second one").isEqualTo(2);
    }

    @Test
    void aReadIsTriedOnlyOnceMore() {
        PAUSE_SERVICE.dieOnNext(5, Ending.RESET);
        int before = PAUSE_SERVICE.requests();
        HttpResponse<String> reply = send("GET", "/v1/pause/psr_1");
        assertThat(reply.statusCode()).isEqualTo(503);
        assertThat(reply.body()).isEqualTo(UNAVAILABLE);
        assertThat(PAUSE_SERVICE.requests() - before).isEqualTo(2);
    }

    @ParameterizedTest
    @EnumSource(value = Ending.class, names = {"CLOSE", "RESET"})
    void aWriteIsNeverRepeated(Ending ending) {
        PAUSE_SERVICE.dieOnNext(1, ending);
        int before = PAUSE_SERVICE.requests();
        HttpResponse<String> reply = send("POST", "/v1/pause");
        assertThat(reply.statusCode()).isEqualTo(503);
        assertThat(reply.body()).isEqualTo(UNAVAILABLE);
        assertThat(PAUSE_SERVICE.requests() - before).isEqualTo(1);
    }

    @Test
    void aReadThatTimesOutIsNotRepeated() {
        WireMockServer billing = DownstreamStubs.billing();
        billing.stubFor(get(urlPathEqualTo("/v1/auth/me"))
                .willReturn(okJson("{}").withFixedDelay(3000)));
        HttpResponse<String> reply = send("GET", "/v1/auth/me");
        assertThat(reply.statusCode()).isEqualTo(503);
        // A second attempt would have held the answer for another full timeout and reached billing again.
        assertThat(billing.findAll(anyRequestedFor(urlPathEqualTo("/v1/auth/me")))).hasSize(1);
    }

    @Test
    void aReadAnsweredWithAnErrorIsNotRepeated() {
        WireMockServer delivery = DownstreamStubs.SERVERS.get("delivery-service");
        delivery.stubFor(get(urlPathEqualTo("/v1/webhooks")).willReturn(aResponse().withStatus(503)
                .withHeader("Content-Type", "application/json").withBody("{\"error\":\"SERVICE_UNAVAILABLE\"}")));
        HttpResponse<String> reply = send("GET", "/v1/webhooks");
        assertThat(reply.statusCode()).isEqualTo(503);
        assertThat(delivery.findAll(anyRequestedFor(urlPathEqualTo("/v1/webhooks")))).hasSize(1);
    }
}
