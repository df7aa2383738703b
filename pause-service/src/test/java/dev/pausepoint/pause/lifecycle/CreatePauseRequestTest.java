package dev.pausepoint.pause.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.errors.FieldIssue;
import dev.pausepoint.errors.ValidationException;
import dev.pausepoint.kit.validation.SmsCountryCodes;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The create body's rules without HTTP: {@code channel} first (400 INVALID_CHANNEL), then {@code options}
 * (400 INVALID_OPTIONS), then every other field in one 422 in field order, with the exact messages the API
 * gives. {@link CreatePauseRulesTest} holds the same rules through HTTP.
 */
class CreatePauseRequestTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final PauseRequestParser PARSER = new PauseRequestParser(List.of("hooks.slack.com"),
            SmsCountryCodes.of(List.of("1")));
    private static final String CHANNEL_MESSAGE = "channel must be one of sms, email, slack.";
    private static final String OPTIONS_MESSAGE =
            "options must be an array of 2 to 5 distinct, non-blank strings of at most 100 characters.";
    private static final String VALID = """
            {"recipient": "+1 (415) 555.0123", "channel": "sms", "message": "Deploy?", "options": ["Yes", "No"]}""";

    private static ObjectNode valid() {
        return (ObjectNode) JSON.readTree(VALID);
    }

    private static ObjectNode with(String field, String json) {
        ObjectNode body = valid();
        body.set(field, JSON.readTree(json));
        return body;
    }

    private static ObjectNode without(String field) {
        ObjectNode body = valid();
        body.remove(field);
        return body;
    }

    private static ApiException refusal(JsonNode body) {
        ApiException refused = catchThrowableOfType(ApiException.class, () -> PARSER.parse(body));
        assertThat(refused).as("refused: %s", body).isNotNull();
        return refused;
    }

    private static List<FieldIssue> issues(JsonNode body) {
        ApiException refused = refusal(body);
        assertThat(refused).isInstanceOf(ValidationException.class);
        return ((ValidationException) refused).issues();
    }

    private static void assertGate(JsonNode body, ErrorCode code, String message) {
        ApiException refused = refusal(body);
        assertThat(refused).isNotInstanceOf(ValidationException.class);
        assertThat(refused.code()).isEqualTo(code);
        assertThat(refused.getMessage()).isEqualTo(message);
    }

    @Test
    void aValidRequestGetsItsDefaultsAndANormalisedRecipient() {
        NewPause pause = PARSER.parse(valid());

        assertThat(pause).isEqualTo(new NewPause("sms", "+14155550123", "Deploy?", List.of("Yes", "No"), false, 24,
                null, null, null, FollowUps.NONE));
    }

    @Test
    void everyOptionalFieldIsRead() {
        ObjectNode body = valid();
        body.put("allow_text_response", true).put("timeout_hours", 72).put("timeout_default", "No");
        body.set("metadata", JSON.readTree("{\"run\": {\"id\": 7}}"));

        NewPause pause = PARSER.parse(body);

        assertThat(pause.allowTextResponse()).isTrue();
        assertThat(pause.timeoutHours()).isEqualTo(72);
        assertThat(pause.timeoutDefault()).isEqualTo("No");
        assertThat(pause.metadata()).isEqualTo(JSON.readTree("{\"run\": {\"id\": 7}}"));
    }

    @Test
    void rejectsSixOptions() {
        assertGate(with("options", "[\"a\", \"b\", \"c\", \"d\", \"e\", \"f\"]"), ErrorCode.INVALID_OPTIONS,
                OPTIONS_MESSAGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[\"Yes\"]", "[]", "[\"Yes\", \"Yes\"]", "[\"Yes\", \" \"]", "[\"Yes\", \"\u3000\"]",
            "[\"Yes\", \"\"]"})
    void rejectsOptionsOutsideTheirRule(String options) {
        assertGate(with("options", options), ErrorCode.INVALID_OPTIONS, OPTIONS_MESSAGE);
    }

    @Test
    void anOptionIsAtMostOneHundredCharactersAsPeopleCountThem() {
        String hundredEmoji = "\"" + "\uD83D\uDE80".repeat(100) + "\"";
        assertThat(PARSER.parse(with("options", "[" + hundredEmoji + ", \"No\"]")).options()).hasSize(2);
        assertGate(with("options", "[\"" + "o".repeat(101) + "\", \"No\"]"), ErrorCode.INVALID_OPTIONS,
                OPTIONS_MESSAGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"Yes,No\"", "[1, 2]", "[\"Yes\", 2]", "[\"Yes\", null]", "{\"a\": \"b\"}", "true",
            "null"})
    void aWrongTypeForOptionsIsInvalidOptions(String options) {
        assertGate(with("options", options), ErrorCode.INVALID_OPTIONS, OPTIONS_MESSAGE);
        assertGate(without("options"), ErrorCode.INVALID_OPTIONS, OPTIONS_MESSAGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"fax\"", "\"SMS\"", "\" sms\"", "5", "true", "[\"sms\"]", "{\"sms\": 1}", "null"})
    void aChannelOutsideTheThreeIsInvalidChannel(String channel) {
        assertGate(with("channel", channel), ErrorCode.INVALID_CHANNEL, CHANNEL_MESSAGE);
        assertGate(without("channel"), ErrorCode.INVALID_CHANNEL, CHANNEL_MESSAGE);
    }

    @Test
    void channelIsJudgedBeforeOptions() {
        ObjectNode body = with("options", "[\"only one\"]");
        body.put("channel", 5);

        assertGate(body, ErrorCode.INVALID_CHANNEL, CHANNEL_MESSAGE);
    }

    @Test
    void optionsAreJudgedBeforeEveryOtherField() {
        ObjectNode body = with("options", "\"x\"");
        body.put("message", 5).put("timeout_hours", "24");
        body.remove("recipient");

        assertGate(body, ErrorCode.INVALID_OPTIONS, OPTIONS_MESSAGE);
    }

    @Test
    void everyOtherProblemIsOne422InFieldOrder() {
        ApiException refused = refusal(JSON.readTree("""
                {"metadata": "x", "timeout_default": "c", "timeout_hours": 0, "allow_text_response": 1,
                 "message": "", "options": ["a", "b"], "channel": "sms", "recipient": "+1"}"""));

        assertThat(refused.getMessage()).isEqualTo("6 fields are invalid; see detail.");
        assertThat(((ValidationException) refused).issues()).containsExactly(
                new FieldIssue("recipient", "must be a phone number in E.164 form: + and 7 to 15 digits, the first not 0"),
                new FieldIssue("message", "must not be blank"),
                new FieldIssue("allow_text_response", "must be a boolean"),
                new FieldIssue("timeout_hours", "must be at least 1"),
                new FieldIssue("timeout_default", "must be one of the options"),
                new FieldIssue("metadata", "must be a JSON object or null"));
    }

    @Test
    void everyWrongTypeIsListedAtOnceWithoutCoercion() {
        assertThat(issues(JSON.readTree("""
                {"channel": "email", "options": ["a", "b"], "recipient": 5, "message": 42,
                 "allow_text_response": "true", "timeout_hours": "24", "timeout_default": 1, "metadata": [1]}""")))
                .containsExactly(
                        new FieldIssue("recipient", "must be a string"),
                        new FieldIssue("message", "must be a string"),
                        new FieldIssue("allow_text_response", "must be a boolean"),
                        new FieldIssue("timeout_hours", "must be an integer"),
                        new FieldIssue("timeout_default", "must be a string or null"),
                        new FieldIssue("metadata", "must be a JSON object or null"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.5", "1.0", "1e2", "true", "[24]"})
    void timeoutHoursIsAnIntegerAndNothingElse(String hours) {
        assertThat(issues(with("timeout_hours", hours)))
                .containsExactly(new FieldIssue("timeout_hours", "must be an integer"));
    }

    @Test
    void aTimeoutBeyondAnIntegerIsTooLarge() {
        assertThat(issues(with("timeout_hours", "99999999999")))
                .containsExactly(new FieldIssue("timeout_hours", "is too large"));
    }

    @Test
    void nullIsAbsent() {
        ObjectNode body = with("recipient", "null");
        body.putNull("message");
        assertThat(issues(body)).containsExactly(new FieldIssue("recipient", "is required"),
                new FieldIssue("message", "is required"));

        ObjectNode optional = valid();
        for (String field : List.of("allow_text_response", "timeout_hours", "timeout_default", "metadata")) {
            optional.putNull(field);
        }
        assertThat(PARSER.parse(optional)).isEqualTo(PARSER.parse(valid()));
    }

    @Test
    void unknownFieldsAreIgnored() {
        ObjectNode body = valid();
        body.put("priority", "high").putArray("tags").add(1);

        assertThat(PARSER.parse(body)).isEqualTo(PARSER.parse(valid()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1, 2, 3]", "\"pause\"", "5", "null"})
    void aBodyThatIsNotAnObjectIsRefusedAsTheBody(String body) {
        assertThat(issues(JSON.readTree(body))).containsExactly(new FieldIssue("body", "must be a JSON object"));
        assertThat(catchThrowableOfType(ValidationException.class, () -> PARSER.parse(null)).issues())
                .containsExactly(new FieldIssue("body", "must be a JSON object"));
    }

    @Test
    void textTheDatabaseCannotHoldIsRefusedBeforeTheChannel() {
        ObjectNode body = with("channel", "\"pigeon\"");
        body.put("message", "Deploy\u0000?");

        assertThat(issues(body)).containsExactly(new FieldIssue("message", "must not contain U+0000 (NUL)"));
    }

    @Test
    void aMessageIsOneToTwoThousandCharactersAsPeopleCountThem() {
        assertThat(PARSER.parse(with("message", "\"" + "\uD83D\uDE80".repeat(2000) + "\"")).message()).hasSize(4000);
        assertThat(issues(with("message", "\"" + "m".repeat(2001) + "\"")))
                .containsExactly(new FieldIssue("message", "must be at most 2000 characters"));
        // Blank is the first rule a long blank message breaks.
        assertThat(issues(with("message", "\"" + " ".repeat(2001) + "\"")))
                .containsExactly(new FieldIssue("message", "must not be blank"));
        assertThat(issues(with("message", "\"\u3000\u2003\"")))
                .containsExactly(new FieldIssue("message", "must not be blank"));
    }

    @Test
    void aRecipientFollowsItsChannel() {
        ObjectNode email = with("channel", "\"email\"");
        email.put("recipient", "  Ada@Example.COM ");
        assertThat(PARSER.parse(email).recipient()).isEqualTo("ada@example.com");
        email.put("recipient", "ada@example");
        assertThat(issues(email)).containsExactly(new FieldIssue("recipient", "must be a valid email address"));

        ObjectNode slack = with("channel", "\"slack\"");
        slack.put("recipient", " https://hooks.slack.com/services/T0/B0/X ");
        assertThat(PARSER.parse(slack).recipient()).isEqualTo("https://hooks.slack.com/services/T0/B0/X");
        slack.put("recipient", "https://hooks.slack.com.evil.example/services/T0/B0/X");
        assertThat(issues(slack)).containsExactly(new FieldIssue("recipient",
                "must be a Slack incoming-webhook URL (https://hooks.slack.com/services/...)"));

        assertThat(issues(with("recipient", "\"+44 20 7946 0958\""))).containsExactly(new FieldIssue("recipient",
                "must be a number SMS may reach: country calling code +44 is not allowed here (allowed: +1)"));
    }

    @Test
    void theTimeoutDefaultIsOneOfTheOptions() {
        assertThat(PARSER.parse(with("timeout_default", "\"Yes\"")).timeoutDefault()).isEqualTo("Yes");
        assertThat(issues(with("timeout_default", "\"yes\"")))
                .containsExactly(new FieldIssue("timeout_default", "must be one of the options"));
    }

    @Test
    void metadataIsAtMostSixteenKilobytesAsJson() {
        // Serialised compactly, {"k":"..."} wraps the value in 8 bytes: exactly 16384, then 16385 bytes.
        String fits = "{\"k\": \"" + "v".repeat(16 * 1024 - 8) + "\"}";
        String over = "{\"k\": \"" + "v".repeat(16 * 1024 - 7) + "\"}";

        assertThat(PARSER.parse(with("metadata", fits)).metadata()).isNotNull();
        assertThat(issues(with("metadata", over)))
                .containsExactly(new FieldIssue("metadata", "must be at most 16 KB as JSON"));
    }
}
