package dev.pausepoint.gateway.routing;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.pausepoint.gateway.GatewayIntegrationTest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * However a client spells a path, the gateway counts, authenticates and routes it as the service will
 * read it: percent-encoded letters of the strict auth paths land in the strict window and reach the
 * service in their plain spelling; a double-encoded letter stays an escape, as the service reads it.
 */
class EncodedPathClassificationTest extends GatewayIntegrationTest {

    private static String newClient() {
        // A forwarded chain: the gateway counts its last untrusted hop.
        return "198.51.100.7, " + newClientAddress();
    }

    private static List<LoggedRequest> reached(String service) {
        return stubs(service).findAll(anyRequestedFor(anyUrl())).stream()
                .filter(request -> !request.getUrl().startsWith("/internal/")).toList();
    }

    /** Spellings of {@code path} a service decodes to {@code path}: each letter escaped or not, either case. */
    private static List<String> spellings(String path) {
        return Stream.of(path, escapeEvery(path, 'a', false), escapeEvery(path, 'o', true),
                escapeEvery(path, 'e', false), escapeEvery(path, 's', true),
                escapeEvery(escapeEvery(path, 't', false), 'r', true), escapeEvery(path, '-', false), mixed(path))
                .distinct().toList();
    }

    private static String escapeEvery(String path, char letter, boolean upperHex) {
        String hex = Integer.toHexString(letter);
        return path.replace(String.valueOf(letter), "%" + (upperHex ? hex.toUpperCase() : hex));
    }

    /** Every letter after the first slash escaped, the hex digits alternating in case. */
    private static String mixed(String path) {
        StringBuilder spelled = new StringBuilder("/");
        for (int i = 1; i < path.length(); i++) {
            char c = path.charAt(i);
            String hex = Integer.toHexString(c);
            spelled.append(Character.isLetter(c) ? "%" + (i % 2 == 0 ? hex.toUpperCase() : hex) : String.valueOf(c));
        }
        return spelled.toString();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/auth/login", "/v1/auth/register", "/v1/auth/password-reset",
            "/v1/auth/password-reset/confirm", "/reset-password"})
    void everySpellingOfAStrictPathCountsInTheStrictWindow(String path) {
        String client = newClient();
        String method = path.equals("/reset-password") ? "GET" : "POST";
        List<String> spellings = spellings(path);
        assertThat(spellings).hasSizeGreaterThanOrEqualTo(5);
        for (int i = 0; i < 20; i++) {
            String spelled = spellings.get(i % spellings.size());
            HttpResponse<String> reply = call(port, method, spelled, BodyPublishers.ofString("{}"),
                    "Content-Type", "application/json", "X-Forwarded-For", client);
            assertThat(reply.statusCode()).as("%s, request %d", spelled, i + 1).isEqualTo(200);
            assertThat(reply.headers().firstValue("X-RateLimit-Limit")).as(spelled).hasValue("20");
        }
        for (String spelled : spellings) {
            HttpResponse<String> refused = call(port, method, spelled, BodyPublishers.ofString("{}"),
                    "Content-Type", "application/json", "X-Forwarded-For", client);
            assertThat(refused.statusCode()).as(spelled).isEqualTo(429);
            assertThat(refused.body()).contains("\"error\":\"RATE_LIMITED\"");
        }
        assertThat(reached("billing-service")).as("only the 20 in the window reached the service").hasSize(20)
                .allSatisfy(request -> assertThat(request.getUrl()).as("forwarded in its one spelling")
                        .isEqualTo(path));
    }

    @Test
    void aDoubleEncodedLetterIsNotTheStrictPathAndIsNotLetThroughAsIt() {
        HttpResponse<String> reply = call(port, "POST", "/v1/auth/l%256Fgin", BodyPublishers.ofString("{}"),
                "Content-Type", "application/json", "X-Forwarded-For", newClient());
        // The service would read "l%6Fgin", no endpoint; here it is just another /v1/auth path needing a key.
        assertThat(reply.statusCode()).isEqualTo(401);
        assertThat(reply.body()).contains("\"error\":\"INVALID_API_KEY\"");
        assertThat(reached("billing-service")).isEmpty();
        HttpResponse<String> page = call(port, "GET", "/reset-%2570assword", "X-Forwarded-For", newClient());
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(reached("billing-service")).isEmpty();
    }

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @CsvSource({
            "GET, /v1/%70ause/psr_1, pause-service, /v1/pause/psr_1",
            "GET, /v1/p%61use/psr_%31, pause-service, /v1/pause/psr_1",
            "GET, /v1/%61udit, pause-service, /v1/audit",
            "GET, /v1/%61uth/me, billing-service, /v1/auth/me",
            "POST, /v1/providers/%74wilio/status, delivery-service, /v1/providers/twilio/status",
            "POST, /v1/providers/sendgrid/%65vents, delivery-service, /v1/providers/sendgrid/events",
            "POST, /v1/billing/%77ebhook, billing-service, /v1/billing/webhook",
            "GET, /v1/%72espond/tok.sig, response-service, /v1/respond/tok.sig",
            "GET, /v1/respond/tok%2esig, response-service, /v1/respond/tok.sig"})
    void anEncodedSpellingReachesTheServiceAsItsPlainPath(String method, String spelled, String service,
            String plain) {
        HttpResponse<String> reply = call(port, method, spelled, BodyPublishers.ofString("{}"),
                "Content-Type", "application/json", "Authorization", "Bearer " + LIVE_KEY);
        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"served_by\":\"" + service + "\"}");
        assertThat(reached(service)).singleElement().satisfies(request -> assertThat(request.getUrl()).isEqualTo(plain));
    }

    @Test
    void anEncodedPausePathNeedsAKeyLikeThePlainOne() {
        HttpResponse<String> reply = call(port, "GET", "/v1/%70ause/psr_1", "X-Forwarded-For", newClient());
        assertThat(reply.statusCode()).isEqualTo(401);
        assertThat(reached("pause-service")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/providers/anything-else", "/v1/providers/twilio", "/v1/providers/twilio/status/x",
            "/v1/providers/sendgrid/events2", "/v1/providers", "/v1/providers/%74wilio/other"})
    void onlyTheDocumentedProviderCallbacksAreRouted(String path) {
        HttpResponse<String> reply = call(port, "POST", path, BodyPublishers.ofString("{}"),
                "Content-Type", "application/json");
        assertThat(reply.statusCode()).isEqualTo(404);
        assertThat(reply.body()).contains("\"error\":\"NOT_FOUND\"");
        assertThat(reached("delivery-service")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/providers/twilio/status", "/v1/providers/sendgrid/events", "/v1/billing/webhook"})
    void aProviderCallbackBodyIsCappedLikeAnyOther(String path) {
        HttpResponse<String> reply = call(port, "POST", path,
                BodyPublishers.ofString("[{\"event\":\"" + "x".repeat(70 * 1024) + "\"}]"),
                "Content-Type", "application/json");
        assertThat(reply.statusCode()).isEqualTo(413);
        assertThat(reply.body()).isEqualTo("{\"error\":\"PAYLOAD_TOO_LARGE\",\"message\":\"Request body is larger "
                + "than the limit of 64 KB.\",\"status_code\":413}");
        assertThat(reached("delivery-service")).isEmpty();
        assertThat(reached("billing-service")).isEmpty();
    }
}
