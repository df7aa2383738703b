package dev.pausepoint.errors.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.errors.FieldIssue;
import dev.pausepoint.errors.ValidationException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The walker on every shape a request body can take, without Spring or HTTP. */
class UnstorableTextTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String NUL = "must not contain U+0000 (NUL)";
    private static final String SURROGATE = "must not contain an unpaired UTF-16 surrogate";

    record Nested(String innerText, List<String> tags) {
    }

    record Request(String emailAddress, Integer count, Nested nested, Map<String, Object> metadata,
            Optional<String> maybe, char initial, String[] names, byte[] raw) {
    }

    static class Bean {
        String displayName;
        final List<Bean> children = new ArrayList<>();
        private static final String IGNORED = "\u0000";
    }

    static class Subclass extends Bean {
        String extra;
    }

    enum Kind { A }

    private static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    private static List<FieldIssue> find(Object value) {
        return UnstorableText.find(value, "body");
    }

    @Test
    void textThatPostgresAndUtf8CanHoldPasses() {
        for (String ok : List.of("", "plain", "emoji \uD83D\uDE80 pair", "right-to-left \u05E9\u05DC\u05D5\u05DD",
                "\uFFFD replacement", "control \u0001\u001F\u007F", "\uDBFF\uDFFF last pair")) {
            assertThat(UnstorableText.problem(ok)).as(ok).isNull();
        }
    }

    @Test
    void nulAndEveryKindOfUnpairedSurrogateAreFound() {
        assertThat(UnstorableText.problem("a\u0000b")).isEqualTo(NUL);
        assertThat(UnstorableText.problem("\u0000")).isEqualTo(NUL);
        assertThat(UnstorableText.problem("high at end \uD800")).isEqualTo(SURROGATE);
        assertThat(UnstorableText.problem("\uD800x high before a letter")).isEqualTo(SURROGATE);
        assertThat(UnstorableText.problem("\uD800\uD800\uDC00 high before a pair")).isEqualTo(SURROGATE);
        assertThat(UnstorableText.problem("\uDC00 low alone")).isEqualTo(SURROGATE);
        assertThat(UnstorableText.problem("\uD83D\uDE80\uDE80 low after a pair")).isEqualTo(SURROGATE);
        assertThat(UnstorableText.problem("\uDC00\uD800 reversed pair")).isEqualTo(SURROGATE);
    }

    @Test
    void jsonTreesAreNamedByWirePath() {
        JsonNode body = json("""
                {"message": "hi\\u0000", "options": ["Approve", "Re\\ud800ject", "ok"],
                 "metadata": {"note": "\\udc00", "deep": {"list": [1, {"x": "\\u0000"}]}, "run-id": "ok"}}""");
        assertThat(find(body)).containsExactly(
                new FieldIssue("message", NUL),
                new FieldIssue("options[1]", SURROGATE),
                new FieldIssue("metadata.note", SURROGATE),
                new FieldIssue("metadata.deep.list[1].x", NUL));
    }

    @Test
    void aBadKeyIsReportedOnTheObjectThatHoldsIt() {
        assertThat(find(json("{\"metadata\": {\"a\\u0000\": 1, \"b\\ud800\": 2, \"c\\u0000\": 3}}")))
                .containsExactly(
                        new FieldIssue("metadata", "must not have a key containing U+0000 (NUL)"),
                        new FieldIssue("metadata", "must not have a key containing an unpaired UTF-16 surrogate"));
        assertThat(find(json("{\"\\u0000\": \"top\"}")))
                .containsExactly(new FieldIssue("body", "must not have a key containing U+0000 (NUL)"));
    }

    @Test
    void keysThatAreNotPlainNamesAreQuoted() {
        assertThat(find(json("{\"metadata\": {\"a.b\": \"\\u0000\", \"say \\\"hi\\\"\": [\"\\u0000\"]}}")))
                .containsExactly(
                        new FieldIssue("metadata[\"a.b\"]", NUL),
                        new FieldIssue("metadata[\"say \\\"hi\\\"\"][0]", NUL));
    }

    @Test
    void aBareStringIsTheRoot() {
        assertThat(find("\u0000")).containsExactly(new FieldIssue("body", NUL));
        assertThat(find(json("\"\\ud800\""))).containsExactly(new FieldIssue("body", SURROGATE));
        assertThat(UnstorableText.find(List.of("ok", "\u0000"), "options"))
                .containsExactly(new FieldIssue("options[1]", NUL));
    }

    @Test
    void recordsAreNamedInSnakeCaseWithEveryContainerInside() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("fine", "ok");
        metadata.put("bad\u0000key", 1);
        metadata.put("nested", Map.of("v", List.of("\uD800")));
        Request request = new Request("a\u0000@b.c", 5, new Nested("\uDC00", List.of("x", "\u0000")), metadata,
                Optional.of("\u0000"), '\uD800', new String[] {"ok", "\u0000"}, new byte[] {0, 0});
        assertThat(find(request)).containsExactly(
                new FieldIssue("email_address", NUL),
                new FieldIssue("nested.inner_text", SURROGATE),
                new FieldIssue("nested.tags[1]", NUL),
                new FieldIssue("metadata", "must not have a key containing U+0000 (NUL)"),
                new FieldIssue("metadata.nested.v[0]", SURROGATE),
                new FieldIssue("maybe", NUL),
                new FieldIssue("initial", SURROGATE),
                new FieldIssue("names[1]", NUL));
    }

    @Test
    void plainObjectsAreWalkedThroughTheirFieldsAndCyclesEnd() {
        Subclass root = new Subclass();
        root.extra = "\u0000";
        Bean child = new Bean();
        child.displayName = "\uD800";
        child.children.add(root); // a cycle back to the root
        root.children.add(child);
        assertThat(find(root)).containsExactlyInAnyOrder(
                new FieldIssue("extra", NUL),
                new FieldIssue("children[0].display_name", SURROGATE));
    }

    @Test
    void valuesThatAreNotTextAreLeftAlone() {
        assertThat(find(null)).isEmpty();
        assertThat(find(42)).isEmpty();
        assertThat(find(Kind.A)).isEmpty();
        assertThat(find(java.time.Instant.EPOCH)).isEmpty();
        assertThat(find(new byte[] {0, (byte) 0xED, (byte) 0xA0, (byte) 0x80})).isEmpty();
        assertThat(find(json("{\"n\": 1e400, \"b\": true, \"z\": null, \"a\": [1.5, -0]}"))).isEmpty();
    }

    @Test
    void noNestingDepthOverflowsTheStack() {
        int depth = 100_000;
        // Jackson's parser refuses such depth by default; a tree built in code has no such limit.
        JsonNode tree = JSON.getNodeFactory().stringNode("\u0000");
        for (int i = 0; i < depth; i++) {
            tree = JSON.getNodeFactory().arrayNode().add(tree);
        }
        List<FieldIssue> issues = find(tree);
        assertThat(issues).hasSize(1);
        assertThat(issues.get(0).field()).startsWith("body[0][0]").hasSize("body".length() + 3 * depth);
    }

    @Test
    void aBodyOfManyBadStringsListsAtMostTwentyIssues() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            many.add("\u0000");
        }
        List<FieldIssue> issues = UnstorableText.find(many, "options");
        assertThat(issues).hasSize(UnstorableText.MAX_ISSUES);
        assertThat(issues.get(19).field()).isEqualTo("options[19]");
    }

    @Test
    void checkRaisesTheValidationErrorNamingTheField() {
        assertThatThrownBy(() -> UnstorableText.check("Idempotency-Key", "k\u0000"))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.VALIDATION_ERROR);
                    assertThat(e.issues()).containsExactly(new FieldIssue("Idempotency-Key", NUL));
                    assertThat(e.getMessage()).isEqualTo("Idempotency-Key must not contain U+0000 (NUL).");
                });
        UnstorableText.check("Idempotency-Key", null);
        UnstorableText.check("Idempotency-Key", "fine");
        assertThatThrownBy(() -> UnstorableText.checkAll(json("{\"a\":[\"\\ud800\"]}"), "body"))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.issues()).containsExactly(new FieldIssue("a[0]", SURROGATE)));
    }
}
