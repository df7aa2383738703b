package dev.pausepoint.delivery.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pausepoint.delivery.outbound.OutboundGuard;
import dev.pausepoint.delivery.outbound.UnsafeDestinationException;
import dev.pausepoint.errors.FieldIssue;
import dev.pausepoint.errors.ValidationException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The webhook registration body without HTTP: every problem in one 422 in field order, the events
 * normalised, and the SSRF guard consulted only for a URL that is a string of a sane length. Addresses
 * are literals, so no test here asks a resolver.
 */
class CreateWebhookRequestTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String EVENTS_ISSUE =
            "must be a non-empty array of pause.responded, pause.timed_out, pause.cancelled, pause.reminded,"
                    + " pause.escalated";
    private static final String SECRET = "whsec-0123456789abcdef";

    /** The real guard, counting the URLs it was asked about. */
    private static final class CountingGuard extends OutboundGuard {
        final List<URI> checked = new ArrayList<>();

        CountingGuard() {
            super(List.of());
        }

        @Override
        public void check(URI url) throws UnsafeDestinationException {
            checked.add(url);
            super.check(url);
        }
    }

    private final CountingGuard guard = new CountingGuard();

    private static ObjectNode body(String url) {
        ObjectNode body = JSON.createObjectNode();
        body.put("url", url).put("secret", SECRET);
        return body;
    }

    private List<FieldIssue> issues(JsonNode body) {
        ValidationException refused = catchThrowableOfType(ValidationException.class,
                () -> CreateWebhookRequest.read(body, guard));
        assertThat(refused).as("a 422 for %s", body).isNotNull();
        return refused.issues();
    }

    @Test
    void aValidBodyIsTheEndpointWithItsUrlTrimmedAndEveryEvent() {
        CreateWebhookRequest request = CreateWebhookRequest.read(body("  https://8.8.8.8/hook "), guard);

        assertThat(request).isEqualTo(new CreateWebhookRequest("https://8.8.8.8/hook",
                List.of("pause.responded", "pause.timed_out", "pause.cancelled"), SECRET));
        assertThat(guard.checked).containsExactly(URI.create("https://8.8.8.8/hook"));
    }

    @Test
    void eventsComeInTheApiOrderWithoutRepeats() {
        ObjectNode body = body("https://8.8.8.8/hook");
        body.set("events", JSON.readTree("[\"pause.cancelled\", \"pause.responded\", \"pause.cancelled\"]"));

        assertThat(CreateWebhookRequest.read(body, guard).events()).containsExactly("pause.responded", "pause.cancelled");
        body.set("events", JSON.readTree("[\"pause.escalated\", \"pause.reminded\", \"pause.cancelled\"]"));
        assertThat(CreateWebhookRequest.read(body, guard).events())
                .as("the follow-ups only when asked for, after the outcomes")
                .containsExactly("pause.cancelled", "pause.reminded", "pause.escalated");
        body.putNull("events");
        assertThat(CreateWebhookRequest.read(body, guard).events()).hasSize(3);
    }

    @Test
    void everyFieldProblemIsOne422InFieldOrder() {
        assertThat(issues(JSON.readTree("{\"secret\": \"too-short\", \"events\": [\"pause.created\"], \"url\": 5}")))
                .containsExactly(new FieldIssue("url", "must be a string"), new FieldIssue("events", EVENTS_ISSUE),
                        new FieldIssue("secret", "must be 16 to 256 characters"));
        assertThat(issues(JSON.readTree("{}"))).containsExactly(new FieldIssue("url", "is required"),
                new FieldIssue("secret", "is required"));
        assertThat(guard.checked).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[\"pause.created\"]", "[\"pause.responded\", 1]", "[null]", "\"pause.responded\"",
            "{\"pause.responded\": true}", "[\"PAUSE.RESPONDED\"]"})
    void eventsAreANonEmptyArrayOfTheThreeOutcomes(String events) {
        ObjectNode body = body("https://8.8.8.8/hook");
        body.set("events", JSON.readTree(events));

        assertThat(issues(body)).containsExactly(new FieldIssue("events", EVENTS_ISSUE));
    }

    @ParameterizedTest
    @CsvSource({"15, false", "16, true", "256, true", "257, false"})
    void aSecretIsSixteenToTwoHundredFiftySixCharacters(int length, boolean accepted) {
        ObjectNode body = body("https://8.8.8.8/hook");
        body.put("secret", "s".repeat(length));

        if (accepted) {
            assertThat(CreateWebhookRequest.read(body, guard).secret()).hasSize(length);
        } else {
            assertThat(issues(body)).containsExactly(new FieldIssue("secret", "must be 16 to 256 characters"));
        }
    }

    @Test
    void aUrlOverTheLimitIsRefusedWithoutAskingTheGuard() {
        String url = "https://8.8.8.8/" + "h".repeat(2048 - "https://8.8.8.8/".length());
        assertThat(CreateWebhookRequest.read(body(url), guard).url()).hasSize(2048);

        assertThat(issues(body(url + "h"))).containsExactly(new FieldIssue("url", "must be at most 2048 characters"));
        assertThat(guard.checked).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "https://10.0.0.1/hook     | must resolve only to public addresses",
            "https://[::1]/hook        | must resolve only to public addresses",
            "http://8.8.8.8/hook       | must use https",
            "https://user:pw@8.8.8.8/h | must be an absolute URL with a host and no credentials",
            "/relative/hook            | must be an absolute URL with a host and no credentials",
            "not a url                 | must be a valid absolute URL",
            "https://[::1/hook         | must be a valid absolute URL"})
    void theDestinationMustBeAPublicHttpsUrl(String url, String issue) {
        assertThat(issues(body(url))).containsExactly(new FieldIssue("url", issue));
    }

    @Test
    void aBodyThatIsNotAnObjectIsRefusedAsTheBody() {
        assertThat(issues(JSON.readTree("[{\"url\": \"https://8.8.8.8/hook\"}]")))
                .containsExactly(new FieldIssue("body", "must be a JSON object"));
    }
}
