package dev.pausepoint.delivery.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The guarded client against a real local server: what it refuses is never contacted. */
class OutboundHttpTest {

    private static final WireMockServer SERVER = new WireMockServer(options().dynamicPort());

    @BeforeAll
    static void start() {
        SERVER.start();
        SERVER.stubFor(get(urlEqualTo("/ok")).willReturn(aResponse().withStatus(200).withBody("x".repeat(10_000))));
        SERVER.stubFor(get(urlEqualTo("/redirect")).willReturn(aResponse().withStatus(302)
                .withHeader("Location", "http://127.0.0.1:" + SERVER.port() + "/private")));
        SERVER.stubFor(get(urlEqualTo("/private")).willReturn(aResponse().withStatus(200)));
    }

    @AfterAll
    static void stop() {
        SERVER.stop();
    }

    private static OkHttpClient client(String... insecureHosts) {
        return OutboundHttp.client(new OutboundGuard(List.of(insecureHosts)), Duration.ofSeconds(5), 8, 8);
    }

    private static Response call(OkHttpClient client, String url) throws IOException {
        return client.newCall(new Request.Builder().url(url).build()).execute();
    }

    @Test
    void withTheSwitchOffLoopbackIsRefusedByAddressAndByName() {
        OkHttpClient client = client();
        for (String host : List.of("127.0.0.1", "localhost", "[::1]")) {
            // https, so it is the address that is refused, not the scheme
            assertThatThrownBy(() -> call(client, "https://" + host + ":" + SERVER.port() + "/refused"))
                    .as(host).isInstanceOf(UnsafeDestinationException.class)
                    .hasMessage("must resolve only to public addresses");
        }
        SERVER.verify(0, anyRequestedFor(urlEqualTo("/refused")));
    }

    @Test
    void anAllowedInsecureHostIsReachedAndItsBodyIsReadOnlyUpToTheLimit() throws IOException {
        try (Response response = call(client("127.0.0.2"), "http://127.0.0.2:" + SERVER.port() + "/ok")) {
            assertThat(response.code()).isEqualTo(200);
            assertThat(OutboundHttp.boundedBody(response)).hasSize(OutboundHttp.MAX_BODY_BYTES);
        }
    }

    @Test
    void redirectsAreReturnedNotFollowed() throws IOException {
        try (Response response = call(client("127.0.0.2"), "http://127.0.0.2:" + SERVER.port() + "/redirect")) {
            assertThat(response.code()).isEqualTo(302);
        }
        SERVER.verify(0, getRequestedFor(urlEqualTo("/private")));
    }

    @Test
    void registrationChecksShapeAndEveryAddress() {
        OutboundGuard guard = new OutboundGuard(List.of("127.0.0.2"));
        assertThatThrownBy(() -> guard.check(URI.create("http://8.8.8.8/hook"))).hasMessage("must use https");
        assertThatThrownBy(() -> guard.check(URI.create("https://u:p@8.8.8.8/hook")))
                .hasMessage("must be an absolute URL with a host and no credentials");
        assertThatThrownBy(() -> guard.check(URI.create("https://169.254.169.254/latest")))
                .hasMessage("must resolve only to public addresses");
        assertThatThrownBy(() -> guard.check(URI.create("https://no-such-host.invalid/hook")))
                .isInstanceOf(UnsafeDestinationException.class);
    }
}
