package dev.pausepoint.pause.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pausepoint.errors.FieldIssue;
import dev.pausepoint.errors.ValidationException;
import dev.pausepoint.kit.validation.SmsCountryCodes;
import dev.pausepoint.kit.validation.TestRecipient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** What a test recipient changes at create, without HTTP: the 422s of test mode, and nothing in live mode. */
class TestRecipientRulesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final PauseRequestParser PARSER = new PauseRequestParser(List.of("hooks.slack.com"),
            SmsCountryCodes.of(List.of("1")));

    private static String body(String channel, String recipient, String options) {
        return "{\"channel\": \"" + channel + "\", \"recipient\": \"" + recipient
                + "\", \"message\": \"Deploy?\", \"options\": " + options + "}";
    }

    private static List<FieldIssue> testModeIssues(String json) {
        ValidationException refused = catchThrowableOfType(ValidationException.class,
                () -> PARSER.parse(JSON.readTree(json), false, Integer.MAX_VALUE));
        assertThat(refused).as("refused in test mode: %s", json).isNotNull();
        return refused.issues();
    }

    @Test
    void aTestNumberChoosingAnOptionThePauseLacksIsRefusedInTestModeOnly() {
        String json = body("sms", "+1 500 555 0003", "[\"Yes\", \"No\"]");
        assertThat(testModeIssues(json)).containsExactly(new FieldIssue("recipient",
                "a test recipient choosing option 3 needs a pause with at least that many options; this one has 2"));
        assertThat(PARSER.parse(JSON.readTree(json), true, Integer.MAX_VALUE).recipient()).as("live: an ordinary number")
                .isEqualTo("+15005550003");
        assertThat(PARSER.parse(JSON.readTree(body("sms", "+15005550003", "[\"A\", \"B\", \"C\"]")), false, Integer.MAX_VALUE).recipient())
                .isEqualTo("+15005550003");
    }

    @Test
    void anUnknownVerbAtTheTestDomainIsRefusedWithTheGrammarAndListedWithTheOtherIssues() {
        String json = "{\"channel\": \"email\", \"recipient\": \"Approve@Test.PausePoint.dev\", \"message\": \"\","
                + " \"options\": [\"Yes\", \"No\"]}";
        assertThat(testModeIssues(json)).containsExactlyInAnyOrder(new FieldIssue("message", "must not be blank"),
                new FieldIssue("recipient", "an address at test.pausepoint.dev is a test recipient: its local part"
                        + " must be one of " + TestRecipient.VERBS));
    }

    @Test
    void aBadDelayOrAnUnknownSlackVerbIsRefused() {
        assertThat(testModeIssues(body("email", "timeout-after-3601@test.pausepoint.dev", "[\"Yes\", \"No\"]")))
                .containsExactly(new FieldIssue("recipient", "after-<s> must be 1 to 3600 seconds"));
        assertThat(testModeIssues(body("slack", "https://hooks.slack.com/services/PAUSEPOINT/TEST/approve",
                "[\"Yes\", \"No\"]"))).singleElement().satisfies(issue -> assertThat(issue.issue())
                .isEqualTo("a URL under https://hooks.slack.com/services/PAUSEPOINT/TEST/ is a test recipient:"
                        + " its last segment must be one of " + TestRecipient.VERBS));
    }

    @Test
    void aMalformedRecipientGetsItsOwnIssueOnly() {
        assertThat(testModeIssues(body("email", "not an address", "[\"Yes\", \"No\"]")))
                .containsExactly(new FieldIssue("recipient", "must be a valid email address"));
    }

    @Test
    void onlyATimingOutRecipientChangesTheTimeout() {
        Duration granted = Duration.ofHours(24);
        assertThat(TestRecipients.timeout(TestRecipients.of(false, "sms", "+15005550009"), granted))
                .isEqualTo(Duration.ofSeconds(5));
        assertThat(TestRecipients.timeout(TestRecipients.of(false, "email", "timeout-after-60@test.pausepoint.dev"),
                granted)).isEqualTo(Duration.ofMinutes(1));
        assertThat(TestRecipients.timeout(TestRecipients.of(true, "sms", "+15005550009"), granted))
                .as("live mode").isEqualTo(granted);
        assertThat(TestRecipients.timeout(TestRecipients.of(false, "sms", "+15005550001"), granted)).isEqualTo(granted);
        assertThat(TestRecipients.of(true, "email", "fail@test.pausepoint.dev")).isEqualTo(Optional.empty());
    }
}
