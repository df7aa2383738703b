package dev.pausepoint.gateway.identity;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pausepoint.gateway.GatewayIntegrationTest;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.RequestSigner;
import dev.pausepoint.testsupport.TestSecrets;
import dev.pausepoint.testsupport.http.RawHttpConnection;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter;
import org.springframework.cloud.gateway.filter.headers.HttpHeadersFilter.Type;
import org.springframework.cloud.gateway.filter.headers.TransferEncodingNormalizationHeadersFilter;

/**
 * The forwarded request's headers are the client's minus everything the gateway never passes on, built in
 * one copy by {@link SignedIdentityFilter}: Spring Cloud Gateway's own removals of {@code Forwarded},
 * {@code X-Forwarded-*} and hop-by-hop headers are out of the request chain ({@link FoldedHeaderFilters}),
 * so each removal here is the identity filter's alone.
 */
class ForwardedHeadersTest extends GatewayIntegrationTest {

    private static final RequestSigner SIGNER = new RequestSigner(TestSecrets.INTERNAL_SECRET);

    @Autowired
    List<HttpHeadersFilter> headerFilters;

    @Test
    void proxyAndHopByHopHeadersAClientSendsNeverReachAService() {
        RawHttpConnection.Response reply = RawHttpConnection.exchange(port, "GET /v1/pause/psr_1 HTTP/1.1\r\n"
                + "Host: localhost\r\n"
                + "Authorization: Bearer " + LIVE_KEY + "\r\n"
                + "Forwarded: for=203.0.113.9;host=evil.example;proto=https\r\n"
                + "X-Forwarded-For: 198.51.100.23\r\n"
                + "x-forwarded-host: evil.example\r\n"
                + "X-FORWARDED-PROTO: https\r\n"
                + "X-Forwarded-Prefix: /admin\r\n"
                + "Keep-Alive: timeout=5\r\n"
                + "Proxy-Authorization: Basic c2VjcmV0OnNlY3JldA==\r\n"
                + "TE: trailers\r\n"
                + "X-Hop-Secret: for the gateway only\r\n"
                + "Connection: close, X-Hop-Secret\r\n"
                + "X-PausePoint-Client-Ip: 10.0.0.1\r\n"
                + "traceparent: 00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\r\n"
                + "X-Client-Note: kept\r\n"
                + "Accept: application/json\r\n\r\n");
        assertThat(reply.status()).isEqualTo(200);
        LoggedRequest forwarded = forwardedToPauseService();
        for (String header : List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto",
                "X-Forwarded-Prefix", "Keep-Alive", "Proxy-Authorization", "TE", "X-Hop-Secret", "Authorization")) {
            assertThat(forwarded.getHeaders().getHeader(header).isPresent()).as(header + " is not forwarded").isFalse();
        }
        assertThat(forwarded.getHeader("X-Client-Note")).as("what the gateway has no reason to drop").isEqualTo("kept");
        assertThat(forwarded.getHeader("Accept")).isEqualTo("application/json");
        assertThat(forwarded.getHeaders().getHeader("traceparent").values())
                .as("the client's trace header replaced by the gateway's, in one value").singleElement()
                .satisfies(value -> assertThat(value).startsWith("00-4bf92f3577b34da6a3ce929d0e0e4736-")
                        .doesNotContain("00f067aa0ba902b7"));
        CallerIdentity caller = SIGNER.verifyIdentity(forwarded::getHeader, "GET", "/v1/pause/psr_1");
        assertThat(caller.developerId()).isEqualTo(DEVELOPER);
        assertThat(caller.clientIp()).as("the client the trusted proxy named, vouched for by the signature")
                .isEqualTo("198.51.100.23");
    }

    @Test
    void theServiceGetsTheRequestIdTheGatewayFixedInOneHeader() {
        RawHttpConnection.Response kept = RawHttpConnection.exchange(port, "GET /v1/pause/psr_1 HTTP/1.1\r\n"
                + "Host: localhost\r\nAuthorization: Bearer " + LIVE_KEY + "\r\nx-request-id: client-id-0001\r\n"
                + "Connection: close\r\n\r\n");
        assertThat(kept.header("X-Request-Id")).as("a well-formed client id is kept").isEqualTo("client-id-0001");
        assertThat(forwardedToPauseService().getHeaders().getHeader("X-Request-Id").values())
                .containsExactly("client-id-0001");

        RawHttpConnection.Response replaced = RawHttpConnection.exchange(port, "GET /v1/pause/psr_2 HTTP/1.1\r\n"
                + "Host: localhost\r\nAuthorization: Bearer " + LIVE_KEY + "\r\nX-Request-Id: not an id\r\n"
                + "Connection: close\r\n\r\n");
        String fixed = replaced.header("X-Request-Id");
        assertThat(fixed).startsWith("req_");
        assertThat(forwardedToPauseService("/v1/pause/psr_2").getHeaders().getHeader("X-Request-Id").values())
                .as("the gateway's id, not the client's beside it").containsExactly(fixed);
    }

    @Test
    void aServicesHopByHopHeadersNeverReachTheClient() {
        stubs("pause-service").stubFor(get(urlEqualTo("/v1/pause/psr_7")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("Keep-Alive", "timeout=5")
                .withHeader("Proxy-Authenticate", "Basic realm=\"service\"").withHeader("X-Service-Note", "kept")
                .withBody("{}")));
        RawHttpConnection.Response reply = RawHttpConnection.exchange(port, "GET /v1/pause/psr_7 HTTP/1.1\r\n"
                + "Host: localhost\r\nAuthorization: Bearer " + LIVE_KEY + "\r\nConnection: close\r\n\r\n");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("X-Service-Note")).isEqualTo("kept");
        assertThat(reply.header("Keep-Alive")).isNull();
        assertThat(reply.header("Proxy-Authenticate")).isNull();
    }

    @Test
    void theRequestsHeadersAreCopiedOnceOnTheirWayToTheService() {
        // Spring Cloud Gateway's transfer-encoding normalization stays: it copies only a request that has both
        // framings, and the identity filter has removed Transfer-Encoding before it runs.
        assertThat(headerFilters.stream().filter(filter -> filter.supports(Type.REQUEST)).map(Object::getClass))
                .containsExactly(SignedIdentityFilter.class, TransferEncodingNormalizationHeadersFilter.class);
        assertThat(headerFilters.stream().filter(filter -> filter.supports(Type.RESPONSE)).map(Object::getClass))
                .containsExactly(FoldedHeaderFilters.AnswerHopByHopFilter.class);
    }

    private static LoggedRequest forwardedToPauseService() {
        return forwardedToPauseService("/v1/pause/psr_1");
    }

    private static LoggedRequest forwardedToPauseService(String path) {
        return stubs("pause-service").findAll(anyRequestedFor(anyUrl())).stream()
                .filter(request -> request.getUrl().equals(path)).findFirst().orElseThrow();
    }
}
