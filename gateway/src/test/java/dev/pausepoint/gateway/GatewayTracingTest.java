package dev.pausepoint.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The gateway starts the trace: the service behind it gets a W3C traceparent of the request's trace, and
 * the gateway's access line carries the same trace id, the span the service's span is a child of, and the
 * request id. A caller's own traceparent is continued rather than replaced (docs/tracing-and-logs.md).
 */
@ExtendWith(OutputCaptureExtension.class)
class GatewayTracingTest extends GatewayIntegrationTest {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]");

    @Test
    void theServiceGetsTheTraceAndTheAccessLineCarriesIt(CapturedOutput output) {
        HttpResponse<String> reply = call(port, "GET", "/v1/pause/psr_1", "Authorization", "Bearer " + LIVE_KEY);
        assertThat(reply.statusCode()).isEqualTo(200);
        String requestId = reply.headers().firstValue("X-Request-Id").orElseThrow();
        Matcher forwarded = TRACEPARENT.matcher(forwardedTraceparent());
        assertThat(forwarded.matches()).as("a W3C traceparent reached pause-service").isTrue();
        // The service's span is a child of the gateway's server span, the one the access line names.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut()).containsPattern(
                "\\[" + forwarded.group(1) + "," + forwarded.group(2) + "," + requestId
                        + "\\] .*GET /v1/pause/psr_1 200 \\d+ms"));
    }

    @Test
    void aCallersTraceIsContinued() {
        String callers = "4bf92f3577b34da6a3ce929d0e0e4736";
        HttpResponse<String> reply = call(port, "GET", "/v1/pause/psr_1", "Authorization", "Bearer " + LIVE_KEY,
                "traceparent", "00-" + callers + "-00f067aa0ba902b7-01");
        assertThat(reply.statusCode()).isEqualTo(200);
        Matcher forwarded = TRACEPARENT.matcher(forwardedTraceparent());
        assertThat(forwarded.matches()).isTrue();
        assertThat(forwarded.group(1)).isEqualTo(callers);
        assertThat(forwarded.group(2)).as("a span of the gateway's own").isNotEqualTo("00f067aa0ba902b7");
    }

    @Test
    void aCallersB3TraceIsContinuedInW3cAlone() {
        String callers = "80f198ee56343ba864fe8b2a57d3eff7";
        HttpResponse<String> reply = call(port, "GET", "/v1/pause/psr_1", "Authorization", "Bearer " + LIVE_KEY,
                "b3", callers + "-e457b5a2e4d86bd1-1");
        assertThat(reply.statusCode()).isEqualTo(200);
        Matcher forwarded = TRACEPARENT.matcher(forwardedTraceparent());
        assertThat(forwarded.matches()).isTrue();
        assertThat(forwarded.group(1)).isEqualTo(callers);
        assertThat(forwarded().getHeaders().getHeader("b3").isPresent())
                .as("the caller's trace header replaced by the gateway's, not passed on beside it").isFalse();
    }

    private static String forwardedTraceparent() {
        return String.valueOf(forwarded().getHeader("traceparent"));
    }

    private static LoggedRequest forwarded() {
        return stubs("pause-service").findAll(anyRequestedFor(anyUrl())).stream()
                .filter(request -> !request.getUrl().startsWith("/internal/")).findFirst().orElseThrow();
    }
}
