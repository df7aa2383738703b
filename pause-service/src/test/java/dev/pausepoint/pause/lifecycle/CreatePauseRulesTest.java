package dev.pausepoint.pause.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.kit.SignedClient.Reply;
import dev.pausepoint.pause.PauseApiTest;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Every field rule of the create table (docs/api-reference.md, "Pauses"), at its boundary, with the exact
 * answer. Each row changes one field of a valid pro-plan request (so every channel is allowed) and names
 * the expected status, error code, and for 422 the failing field.
 */
class CreatePauseRulesTest extends PauseApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BASE = """
            {"recipient": "+14155550123", "channel": "sms", "message": "Deploy?", "options": ["Yes", "No"]}""";

    static Stream<Arguments> rules() {
        String s2000 = "\"" + "m".repeat(2000) + "\"";
        String s2001 = "\"" + "m".repeat(2001) + "\"";
        String o100 = "\"" + "o".repeat(100) + "\"";
        String o101 = "\"" + "o".repeat(101) + "\"";
        // Serialised compactly, {"k":"..."} wraps the value in 8 bytes: exactly 16384, then 16385 bytes.
        String meta16k = "{\"k\": \"" + "v".repeat(16 * 1024 - 8) + "\"}";
        String metaOver = "{\"k\": \"" + "v".repeat(16 * 1024 - 7) + "\"}";
        return Stream.of(
                // message
                Arguments.of("message of 2000 characters", "message", s2000, 201, null, null),
                Arguments.of("message of 2001 characters", "message", s2001, 422, "VALIDATION_ERROR", "message"),
                Arguments.of("message of 2000 emoji", "message", "\"" + "\uD83D\uDE80".repeat(2000) + "\"", 201, null, null),
                Arguments.of("blank message", "message", "\"   \"", 422, "VALIDATION_ERROR", "message"),
                Arguments.of("missing message", "message", null, 422, "VALIDATION_ERROR", "message"),
                Arguments.of("numeric message", "message", "42", 422, "VALIDATION_ERROR", "message"),
                // options
                Arguments.of("one option", "options", "[\"Yes\"]", 400, "INVALID_OPTIONS", null),
                Arguments.of("two options", "options", "[\"Yes\", \"No\"]", 201, null, null),
                Arguments.of("five options", "options", "[\"a\", \"b\", \"c\", \"d\", \"e\"]", 201, null, null),
                Arguments.of("six options", "options", "[\"a\", \"b\", \"c\", \"d\", \"e\", \"f\"]", 400, "INVALID_OPTIONS", null),
                Arguments.of("duplicate options", "options", "[\"Yes\", \"Yes\"]", 400, "INVALID_OPTIONS", null),
                Arguments.of("blank option", "options", "[\"Yes\", \" \"]", 400, "INVALID_OPTIONS", null),
                Arguments.of("100-character option", "options", "[" + o100 + ", \"No\"]", 201, null, null),
                Arguments.of("101-character option", "options", "[" + o101 + ", \"No\"]", 400, "INVALID_OPTIONS", null),
                Arguments.of("options not an array", "options", "\"Yes,No\"", 400, "INVALID_OPTIONS", null),
                Arguments.of("numeric option", "options", "[\"Yes\", 2]", 400, "INVALID_OPTIONS", null),
                Arguments.of("missing options", "options", null, 400, "INVALID_OPTIONS", null),
                // channel
                Arguments.of("unknown channel", "channel", "\"fax\"", 400, "INVALID_CHANNEL", null),
                Arguments.of("numeric channel", "channel", "1", 400, "INVALID_CHANNEL", null),
                Arguments.of("missing channel", "channel", null, 400, "INVALID_CHANNEL", null),
                // recipient, sms
                Arguments.of("E.164 with punctuation", "recipient", "\"+1 (415) 555.0123\"", 201, null, null),
                Arguments.of("7 digits", "recipient", "\"+1234567\"", 201, null, null),
                Arguments.of("6 digits", "recipient", "\"+123456\"", 422, "VALIDATION_ERROR", "recipient"),
                Arguments.of("15 digits", "recipient", "\"+123456789012345\"", 201, null, null),
                Arguments.of("16 digits", "recipient", "\"+1234567890123456\"", 422, "VALIDATION_ERROR", "recipient"),
                Arguments.of("leading zero", "recipient", "\"+0123456789\"", 422, "VALIDATION_ERROR", "recipient"),
                Arguments.of("no plus", "recipient", "\"14155550123\"", 422, "VALIDATION_ERROR", "recipient"),
                Arguments.of("letters", "recipient", "\"+1415CALLNOW\"", 422, "VALIDATION_ERROR", "recipient"),
                Arguments.of("missing recipient", "recipient", null, 422, "VALIDATION_ERROR", "recipient"),
                // allow_text_response
                Arguments.of("allow_text_response true", "allow_text_response", "true", 201, null, null),
                Arguments.of("allow_text_response as string", "allow_text_response", "\"yes\"", 422, "VALIDATION_ERROR", "allow_text_response"),
                // timeout_hours
                Arguments.of("timeout of 1 hour", "timeout_hours", "1", 201, null, null),
                Arguments.of("timeout of 0 hours", "timeout_hours", "0", 422, "VALIDATION_ERROR", "timeout_hours"),
                Arguments.of("fractional timeout", "timeout_hours", "1.5", 422, "VALIDATION_ERROR", "timeout_hours"),
                Arguments.of("timeout as string", "timeout_hours", "\"24\"", 422, "VALIDATION_ERROR", "timeout_hours"),
                // timeout_default
                Arguments.of("default among options", "timeout_default", "\"No\"", 201, null, null),
                Arguments.of("default not among options", "timeout_default", "\"Maybe\"", 422, "VALIDATION_ERROR", "timeout_default"),
                Arguments.of("null default", "timeout_default", "null", 201, null, null),
                // metadata
                Arguments.of("metadata of 16 KB", "metadata", meta16k, 201, null, null),
                Arguments.of("metadata over 16 KB", "metadata", metaOver, 422, "VALIDATION_ERROR", "metadata"),
                Arguments.of("metadata not an object", "metadata", "[1, 2]", 422, "VALIDATION_ERROR", "metadata"),
                Arguments.of("null metadata", "metadata", "null", 201, null, null),
                // agent_name
                Arguments.of("agent name of 80 characters", "agent_name", "\"" + "a".repeat(80) + "\"", 201, null, null),
                Arguments.of("agent name of 81 characters", "agent_name", "\"" + "a".repeat(81) + "\"", 422, "VALIDATION_ERROR", "agent_name"),
                Arguments.of("agent name of 80 emoji", "agent_name", "\"" + "\uD83E\uDD16".repeat(80) + "\"", 201, null, null),
                Arguments.of("agent name of 81 emoji", "agent_name", "\"" + "\uD83E\uDD16".repeat(81) + "\"", 422, "VALIDATION_ERROR", "agent_name"),
                Arguments.of("right-to-left agent name", "agent_name", "\"مساعد النشر\"", 201, null, null),
                Arguments.of("markup in the agent name is data", "agent_name", "\"<script>alert(1)</script>\"", 201, null, null),
                Arguments.of("one-character agent name", "agent_name", "\"a\"", 201, null, null),
                Arguments.of("empty agent name", "agent_name", "\"\"", 422, "VALIDATION_ERROR", "agent_name"),
                Arguments.of("blank agent name", "agent_name", "\" \\t \"", 422, "VALIDATION_ERROR", "agent_name"),
                Arguments.of("NUL in the agent name", "agent_name", "\"bot\\u0000\"", 422, "VALIDATION_ERROR", "agent_name"),
                Arguments.of("CR/LF in the agent name", "agent_name", "\"bot\\r\\nBcc: x@example.com\"", 422, "VALIDATION_ERROR", "agent_name"),
                Arguments.of("DEL in the agent name", "agent_name", "\"bot\\u007f\"", 422, "VALIDATION_ERROR", "agent_name"),
                Arguments.of("C1 control in the agent name", "agent_name", "\"bot\\u0085\"", 422, "VALIDATION_ERROR", "agent_name"),
                Arguments.of("numeric agent name", "agent_name", "7", 422, "VALIDATION_ERROR", "agent_name"),
                Arguments.of("null agent name", "agent_name", "null", 201, null, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRuleAtItsBoundary(String name, String field, String value, int status, String error, String detailField) {
        ObjectNode body = (ObjectNode) JSON.readTree(BASE);
        if (value == null) {
            body.remove(field);
        } else {
            body.set(field, JSON.readTree(value));
        }
        Reply reply = create(developer("pro", KeyMode.TEST), body.toString());
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        if (error != null) {
            assertThat(reply.json().get("error").asString()).isEqualTo(error);
        }
        if (detailField != null) {
            assertThat(reply.json().get("detail").get(0).get("field").asString()).isEqualTo(detailField);
        }
    }

    static Stream<Arguments> recipients() {
        return Stream.of(
                Arguments.of("email", "\"Ada@Example.COM\"", 201),
                Arguments.of("email", "\"ada@example\"", 422),
                Arguments.of("email", "\"not an email\"", 422),
                Arguments.of("slack", "\"https://hooks.slack.com/services/T000/B000/XXXX\"", 201),
                Arguments.of("slack", "\"http://hooks.slack.com/services/T000/B000/XXXX\"", 422),
                Arguments.of("slack", "\"https://evil.example.com/services/T000/B000/XXXX\"", 422),
                Arguments.of("slack", "\"https://hooks.slack.com.evil.example/services/T0/B0/X\"", 422),
                Arguments.of("slack", "\"https://hooks.slack.com/api/chat.postMessage\"", 422),
                Arguments.of("slack", "\"https://user@hooks.slack.com/services/T0/B0/X\"", 422));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("recipients")
    void recipientsFollowTheirChannel(String channel, String recipient, int status) {
        ObjectNode body = (ObjectNode) JSON.readTree(BASE);
        body.put("channel", channel);
        body.set("recipient", JSON.readTree(recipient));
        assertThat(create(developer("pro", KeyMode.TEST), body.toString()).status()).isEqualTo(status);
    }

    @org.junit.jupiter.api.Test
    void everyFailingFieldIsListedAtOnce() {
        Reply reply = create(developer("pro", KeyMode.TEST), """
                {"recipient": "+1", "channel": "sms", "message": "", "options": ["a", "b"],
                 "timeout_hours": 0, "timeout_default": "c", "metadata": "x", "allow_text_response": 1}""");
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("detail")).hasSize(6);
    }

    @org.junit.jupiter.api.Test
    void channelIsJudgedBeforeEverythingElse() {
        Reply reply = create(developer("pro", KeyMode.TEST), """
                {"recipient": "nobody", "channel": "pigeon", "message": "", "options": ["a"]}""");
        assertThat(reply.json().get("error").asString()).isEqualTo("INVALID_CHANNEL");
    }

    @org.junit.jupiter.api.Test
    void aBodyThatIsNotAnObjectIsValidationError() {
        Reply reply = create(developer("pro", KeyMode.TEST), "[1, 2, 3]");
        assertThat(reply.status()).isEqualTo(422);
        assertThat(reply.json().get("detail").get(0).get("field").asString()).isEqualTo("body");
    }
}
