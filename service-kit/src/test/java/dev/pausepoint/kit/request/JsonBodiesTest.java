package dev.pausepoint.kit.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.pausepoint.errors.ApiException;
import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.errors.FieldIssue;
import dev.pausepoint.errors.ValidationException;
import jakarta.validation.GroupSequence;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The shared body reader without HTTP or Spring: types, gates, the one 422, and its order. */
class JsonBodiesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One field of each JSON type the reader knows. */
    record Sample(@NotNull(message = "is required") String name, @Min(value = 1, message = "must be at least 1")
            Integer itemCount, Long big, Boolean enabled, List<String> tags, ObjectNode extra, JsonNode anything,
            @TypeIssue("must be a string or null") String note) {
    }

    /** Two gates, judged in order, then everything else. */
    @GroupSequence({Gated.KindRule.class, Gated.ItemsRule.class, Gated.class})
    record Gated(
            @NotNull(groups = KindRule.class) @OneOf(value = {"a", "b"}, groups = KindRule.class) String kind,
            @NotNull(groups = ItemsRule.class) @Size(min = 2, groups = ItemsRule.class)
            List<@HasText(groups = ItemsRule.class) String> items,
            @NotNull(message = "is required") @HasText(message = "must not be blank")
            @Size(max = 5, message = "must be at most 5 characters") String text,
            @Min(value = 1, message = "must be at least 1") Integer count) {

        @Gate(code = ErrorCode.INVALID_CHANNEL, message = "kind must be a or b.")
        interface KindRule {
        }

        @Gate(code = ErrorCode.INVALID_OPTIONS, message = "items must be two or more non-blank strings.")
        interface ItemsRule {
        }
    }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private static List<FieldIssue> issues(JsonNode body, Class<? extends Record> type) {
        return issues(body, type, request -> List.of());
    }

    private static <T extends Record> List<FieldIssue> issues(JsonNode body, Class<T> type,
            Function<? super T, List<FieldIssue>> rules) {
        ValidationException refused = catchThrowableOfType(ValidationException.class,
                () -> JsonBodies.read(body, type, rules));
        assertThat(refused).as("a 422 for %s", body).isNotNull();
        return refused.issues();
    }

    private static ApiException gateRefusal(String body) {
        ApiException refused = catchThrowableOfType(ApiException.class, () -> JsonBodies.read(json(body), Gated.class));
        assertThat(refused).as("refused: %s", body).isNotNull().isNotInstanceOf(ValidationException.class);
        return refused;
    }

    @Test
    void aValidBodyIsBoundFieldByFieldWithSnakeCaseNames() {
        Sample sample = JsonBodies.read(json("""
                {"name": "n", "item_count": 3, "big": 9007199254740993, "enabled": true, "tags": ["x", "y"],
                 "extra": {"k": [1]}, "anything": [null, 2], "note": "hi"}"""), Sample.class);

        assertThat(sample).isEqualTo(new Sample("n", 3, 9007199254740993L, true, List.of("x", "y"),
                (ObjectNode) json("{\"k\": [1]}"), json("[null, 2]"), "hi"));
    }

    @Test
    void everyWrongTypeIsReportedAtOnceInFieldOrder() {
        // Written in the reverse of the record's order: the answer follows the record.
        assertThat(issues(json("""
                {"note": 1, "anything": null, "extra": [], "tags": "x", "enabled": "true", "big": 1.5,
                 "item_count": "3", "name": 5}"""), Sample.class)).containsExactly(
                new FieldIssue("name", "must be a string"),
                new FieldIssue("item_count", "must be an integer"),
                new FieldIssue("big", "must be an integer"),
                new FieldIssue("enabled", "must be a boolean"),
                new FieldIssue("tags", "must be an array"),
                new FieldIssue("extra", "must be an object"),
                new FieldIssue("note", "must be a string or null"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "item_count | \"5\"      | must be an integer",
            "item_count | 5.0        | must be an integer",
            "item_count | 1e2        | must be an integer",
            "item_count | true       | must be an integer",
            "item_count | 2147483648 | is too large",
            "big        | 9223372036854775808 | is too large",
            "enabled    | 1          | must be a boolean",
            "enabled    | \"true\"   | must be a boolean",
            "tags       | [\"a\", 1] | must be an array of strings",
            "tags       | [null]     | must be an array of strings",
            "tags       | {\"a\": \"b\"} | must be an array",
            "extra      | \"{}\"     | must be an object"})
    void nothingIsCoerced(String field, String value, String issue) {
        ObjectNode body = (ObjectNode) json("{\"name\": \"n\"}");
        body.set(field, json(value));

        assertThat(issues(body, Sample.class)).containsExactly(new FieldIssue(field, issue));
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "true", "[\"n\"]", "{\"n\": 1}"})
    void aStringIsOnlyAString(String value) {
        assertThat(issues(json("{\"name\": " + value + "}"), Sample.class))
                .containsExactly(new FieldIssue("name", "must be a string"));
    }

    @Test
    void nullIsTheSameAsAbsent() {
        assertThat(issues(json("{\"name\": null}"), Sample.class)).containsExactly(new FieldIssue("name", "is required"));
        assertThat(issues(json("{}"), Sample.class)).containsExactly(new FieldIssue("name", "is required"));
        assertThat(JsonBodies.read(json("""
                {"name": "n", "item_count": null, "big": null, "enabled": null, "tags": null, "extra": null,
                 "anything": null, "note": null}"""), Sample.class))
                .isEqualTo(new Sample("n", null, null, null, null, null, null, null));
    }

    @Test
    void unknownFieldsAreIgnored() {
        assertThat(JsonBodies.read(json("{\"name\": \"n\", \"itemCount\": \"camel case is unknown\", \"x\": [1]}"),
                Sample.class)).isEqualTo(new Sample("n", null, null, null, null, null, null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"name\": \"n\"}]", "\"n\"", "5", "true", "null"})
    void aBodyThatIsNotAnObjectIsRefusedAsTheBody(String body) {
        assertThat(issues(json(body), Sample.class)).containsExactly(new FieldIssue("body", "must be a JSON object"));
        assertThat(issues(null, Sample.class)).containsExactly(new FieldIssue("body", "must be a JSON object"));
    }

    @Test
    void unstorableTextIsRefusedBeforeAnyOtherRule() {
        // The kind would fail its gate, but text the database cannot hold is the answer whatever else is wrong.
        JsonNode body = json("{\"kind\": \"z\\u0000\", \"items\": [\"ok\", \"\\ud800\"]}");

        assertThat(issues(body, Gated.class)).containsExactly(
                new FieldIssue("kind", "must not contain U+0000 (NUL)"),
                new FieldIssue("items[1]", "must not contain an unpaired UTF-16 surrogate"));
    }

    @Test
    void theFirstGateIsJudgedFirst() {
        ApiException refused = gateRefusal("{\"kind\": \"z\", \"items\": [], \"text\": 5}");

        assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_CHANNEL);
        assertThat(refused.getMessage()).isEqualTo("kind must be a or b.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"5", "true", "[\"a\"]", "{\"a\": 1}", "null"})
    void aWrongTypeForAGatedFieldIsTheGatesError(String kind) {
        assertThat(gateRefusal("{\"kind\": " + kind + ", \"items\": [\"x\", \"y\"], \"text\": \"t\"}").code())
                .isEqualTo(ErrorCode.INVALID_CHANNEL);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"x\"", "[1, 2]", "[\"x\", null]", "[\"x\"]", "[\"x\", \"\u3000\"]", "null"})
    void theSecondGateComesAfterTheFirstAndBeforeEverythingElse(String items) {
        ApiException refused = gateRefusal("{\"kind\": \"a\", \"items\": " + items + ", \"text\": 5, \"count\": 0}");

        assertThat(refused.code()).isEqualTo(ErrorCode.INVALID_OPTIONS);
        assertThat(refused.getMessage()).isEqualTo("items must be two or more non-blank strings.");
    }

    @Test
    void pastTheGatesEveryProblemIsOne422() {
        assertThat(issues(json("{\"count\": 0, \"text\": 5, \"items\": [\"x\", \"y\"], \"kind\": \"b\"}"), Gated.class))
                .containsExactly(new FieldIssue("text", "must be a string"), new FieldIssue("count", "must be at least 1"));
        assertThat(JsonBodies.read(json("{\"kind\": \"b\", \"items\": [\"x\", \"y\"], \"text\": \"t\"}"), Gated.class))
                .isEqualTo(new Gated("b", List.of("x", "y"), "t", null));
    }

    @Test
    void aFieldReportsTheFirstConstraintItBreaksAsWritten() {
        // Six spaces are both blank and too long; null breaks only @NotNull.
        assertThat(issues(json("{\"kind\": \"a\", \"items\": [\"x\", \"y\"], \"text\": \"      \"}"), Gated.class))
                .containsExactly(new FieldIssue("text", "must not be blank"));
        assertThat(issues(json("{\"kind\": \"a\", \"items\": [\"x\", \"y\"], \"text\": \"\u2003\u3000\"}"), Gated.class))
                .containsExactly(new FieldIssue("text", "must not be blank"));
        assertThat(issues(json("{\"kind\": \"a\", \"items\": [\"x\", \"y\"]}"), Gated.class))
                .containsExactly(new FieldIssue("text", "is required"));
    }

    @Test
    void rulesLandInTheSame422InFieldOrderAndSeeFailedFieldsAsNull() {
        List<Gated> seen = new ArrayList<>();
        List<FieldIssue> issues = issues(json("{\"kind\": \"a\", \"items\": [\"x\", \"y\"], \"text\": \"far too long\"}"),
                Gated.class, request -> {
                    seen.add(request);
                    return List.of(new FieldIssue("count", "must be given with these items"),
                            new FieldIssue("items", "must not contain x"),
                            new FieldIssue("text", "a rule's issue for a field that already failed is not repeated"));
                });

        assertThat(issues).containsExactly(
                new FieldIssue("items", "must not contain x"),
                new FieldIssue("text", "must be at most 5 characters"),
                new FieldIssue("count", "must be given with these items"));
        assertThat(seen).containsExactly(new Gated("a", List.of("x", "y"), null, null));
    }

    @Test
    void rulesDoNotRunWhenAGateFails() {
        List<Gated> seen = new ArrayList<>();
        assertThatThrownBy(() -> JsonBodies.read(json("{\"kind\": \"z\"}"), Gated.class, request -> {
            seen.add(request);
            return List.of();
        })).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CHANNEL));
        assertThat(seen).isEmpty();
    }

    @Test
    void aRuleIssueOnNoFieldComesAfterTheFields() {
        assertThat(issues(json("{\"count\": 0, \"kind\": \"a\", \"items\": [\"x\", \"y\"], \"text\": \"t\"}"), Gated.class,
                request -> List.of(new FieldIssue("body", "must not be sent on Sundays"))))
                .containsExactly(new FieldIssue("count", "must be at least 1"),
                        new FieldIssue("body", "must not be sent on Sundays"));
    }

    record Primitive(int count) {
    }

    record Unsupported(Instant at) {
    }

    @GroupSequence({GateLast.class, GateLast.Rule.class})
    record GateLast(@NotNull(groups = Rule.class) String kind) {
        @Gate(code = ErrorCode.INVALID_CHANNEL, message = "kind.")
        interface Rule {
        }
    }

    @Test
    void aRecordTheReaderCannotHonourIsRefusedWhenFirstRead() {
        assertThatThrownBy(() -> JsonBodies.read(json("{}"), Primitive.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("boxed types");
        assertThatThrownBy(() -> JsonBodies.read(json("{}"), Unsupported.class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no JSON type rule");
        assertThatThrownBy(() -> JsonBodies.read(json("{}"), GateLast.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must list @Gate groups and then the record itself");
    }
}
