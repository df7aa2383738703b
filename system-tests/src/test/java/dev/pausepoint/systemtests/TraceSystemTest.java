package dev.pausepoint.systemtests;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.pausepoint.systemtests.Developer.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.pausepoint.localstack.Service;
import dev.pausepoint.systemtests.Http.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * One trace from the human's answer to the developer's webhook (docs/tracing-and-logs.md): the answer
 * goes gateway → response-service → pause-service (internal call) → PauseResponded through the outbox
 * and Kafka → delivery-service, whose worker posts the webhook later from the row. The receiver gets a
 * traceparent, and that trace id is on the line each of the four processes writes about the answer.
 */
@Order(4)
class TraceSystemTest {

    private static final String SECRET = "whsec-trace-system-test-0123456789";
    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-[0-9a-f]{16}-0[01]");

    @RegisterExtension
    static final WireMockExtension RECEIVER = WireMockExtension.newInstance().options(options().dynamicPort()).build();

    @Test
    void oneTraceRunsFromTheAnswerThroughEveryServiceToTheWebhook() {
        Developer developer = Developer.register();
        String path = "/hooks/" + UUID.randomUUID();
        RECEIVER.stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(200)));
        String url = "http://" + SystemStack.RECEIVER_HOST + ":" + RECEIVER.getPort() + path;
        Reply webhook = as(developer.test(), "POST", "/v1/webhooks",
                "{\"url\": \"" + url + "\", \"secret\": \"" + SECRET + "\", \"events\": [\"pause.responded\"]}");
        assertThat(webhook.status()).isEqualTo(201);
        String webhookId = webhook.json().get("webhook_id").asString();
        Reply created = as(developer.test(), "POST", "/v1/pause", """
                {"recipient": "+14155550123", "channel": "sms", "message": "Rotate the keys?",
                 "options": ["Approve", "Reject"]}""");
        assertThat(created.status()).isEqualTo(201);
        String pauseId = created.json().get("pause_id").asString();
        String respondUrl = created.json().get("respond_url").asString();
        String token = respondUrl.substring(respondUrl.lastIndexOf('/') + 1);

        assertThat(Http.postJson("/v1/respond/" + token, "{\"choice\": \"Approve\"}").status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(RECEIVER.findAll(postRequestedFor(urlEqualTo(path)))).as("the webhook post").hasSize(1));
        String traceparent = RECEIVER.findAll(postRequestedFor(urlEqualTo(path))).get(0).getHeader("traceparent");
        Matcher received = TRACEPARENT.matcher(String.valueOf(traceparent));
        assertThat(received.matches()).as("the receiver got a W3C traceparent: %s", traceparent).isTrue();
        String traceId = received.group(1);

        String masked = "/v1/respond/" + token.substring(0, 6) + "…";
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(linesOf(Service.GATEWAY, traceId)).as("gateway lines of trace " + traceId)
                    .anySatisfy(line -> assertThat(line).contains("POST " + masked + " 200"));
            assertThat(linesOf(Service.RESPONSE, traceId)).as("response-service lines of trace " + traceId)
                    .anySatisfy(line -> assertThat(line).contains("Pause " + pauseId + " answered through its link"));
            assertThat(linesOf(Service.PAUSE, traceId)).as("pause-service lines of trace " + traceId)
                    .anySatisfy(line -> assertThat(line).contains("Pause " + pauseId + " responded"));
            assertThat(linesOf(Service.DELIVERY, traceId)).as("delivery-service lines of trace " + traceId)
                    .anySatisfy(line -> assertThat(line)
                            .contains("to endpoint " + webhookId + ", attempt 1: HTTP 200"));
        });
    }

    /** The lines of {@code service}'s log that carry {@code traceId} as their trace id. */
    private static List<String> linesOf(Service service, String traceId) {
        try {
            return Files.readAllLines(SystemStack.fleet().logFile(service), StandardCharsets.UTF_8).stream()
                    .filter(line -> line.contains("[" + traceId + ",")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
