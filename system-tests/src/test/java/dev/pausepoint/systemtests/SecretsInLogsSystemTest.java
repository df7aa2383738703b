package dev.pausepoint.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pausepoint.localstack.Service;
import dev.pausepoint.systemtests.Http.Reply;
import dev.pausepoint.testsupport.http.RawHttpConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * A response link is the credential of a human's answer, so it appears in no log line of any process:
 * a whole respond flow through the real stack, with a tampered link, unknown paths under the respond
 * routes, refused and failing requests, and calls that reach response-service without the gateway
 * (which it logs), then every log file of the stack is read. Runs after the other system tests, so
 * their links are checked too.
 */
@Order(7)
class SecretsInLogsSystemTest {

    /** A response token as it would appear unmasked: the route, then more than the six characters kept. */
    private static final Pattern UNMASKED = Pattern.compile("/respond/([A-Za-z0-9_-]{7,}\\.[A-Za-z0-9_-]+)");

    private static String stackLogs() {
        Path directory = SystemStack.fleet().logFile(Service.GATEWAY).getParent();
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> logs = files.filter(file -> file.toString().endsWith(".log")).toList();
            assertThat(logs.stream().map(file -> file.getFileName().toString()))
                    .contains("gateway.log", "pause-service.log", "delivery-service.log", "response-service.log",
                            "billing-service.log");
            return logs.stream().map(SecretsInLogsSystemTest::read).collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void noResponseTokenAppearsInAnyLogLineOfTheStack() {
        RespondedPause pause = RespondedPause.create();
        String token = pause.token();
        String tampered = token.substring(0, 5) + (token.charAt(5) == 'A' ? 'B' : 'A') + token.substring(6);

        assertThat(Http.get("/respond/" + token).status()).isEqualTo(200);
        assertThat(Http.get("/v1/respond/" + token).status()).isEqualTo(200);
        assertThat(Http.get("/v1/respond/" + tampered).status()).isEqualTo(400);
        assertThat(Http.get("/respond/" + tampered).status()).isEqualTo(400);
        assertThat(Http.get("/respond/" + token + "/unknown").status()).isEqualTo(404);
        assertThat(Http.get("/v1/respond/" + token + "/unknown/path").status()).isEqualTo(404);
        assertThat(Http.send("PUT", "/v1/respond/" + token, BodyPublishers.ofString("{}"),
                "Content-Type", "application/json").status()).isEqualTo(405);
        assertThat(Http.postJson("/v1/respond/" + token, "{\"choice\": ").status()).isEqualTo(422);
        assertThat(RawHttpConnection.exchange(SystemStack.gateway().getPort(), "GET /respond/" + token
                + "%00 HTTP/1.1\r\nHost: localhost\r\n\r\n").status()).isEqualTo(404);
        Reply answered = Http.postJson("/v1/respond/" + token, "{\"choice\": \"Approve\"}");
        assertThat(answered.status()).isEqualTo(200);
        assertThat(Http.postJson("/v1/respond/" + token, "{\"choice\": \"Reject\"}").status()).isEqualTo(410);

        // Straight to response-service, as a caller that got past the network would: it refuses and logs.
        int responseService = SystemStack.ports().get(Service.RESPONSE);
        assertThat(Http.sendPastTheGateway(URI.create("http://localhost:" + responseService), "GET", "/v1/respond/" + token,
                BodyPublishers.noBody()).status()).isEqualTo(401);
        assertThat(RawHttpConnection.exchange(responseService, "GET /respond/" + token
                + "{x} HTTP/1.1\r\nHost: localhost\r\n\r\n").status()).isBetween(400, 499);

        String masked = "/v1/respond/" + token.substring(0, 6) + "…";
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(stackLogs())
                .as("the refused direct call was logged, masked").contains("Refused GET " + masked));
        String logs = stackLogs();
        assertThat(logs).doesNotContain(token, tampered, token.substring(0, token.indexOf('.')),
                token.substring(token.indexOf('.') + 1));
        assertThat(UNMASKED.matcher(logs).results().map(MatchResult::group).toList())
                .as("response tokens of this and every earlier system test, unmasked").isEmpty();
    }
}
