package dev.pausepoint.kit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.kit.SignedClient.Reply;
import tools.jackson.databind.JsonNode;

/**
 * What the services' unstorable-text API tests share: the texts Postgres cannot hold, written as the JSON
 * escapes a client would send (no JSON writer emits a lone surrogate), and the 422 they must get.
 */
public final class UnstorableText {

    /** Where a test puts the bad text in a template; {@link Bad#in} replaces it. */
    public static final String MARK = "@BAD@";

    private UnstorableText() {
    }

    public enum Bad {
        NUL("\\u0000", "%00", "must not contain U+0000 (NUL)"),
        HIGH_SURROGATE("\\ud800", null, "must not contain an unpaired UTF-16 surrogate"),
        LOW_SURROGATE("\\udc00", null, "must not contain an unpaired UTF-16 surrogate");

        /** As a JSON string escape. */
        public final String escape;
        /** As a percent-escape in a form or query; null where UTF-8 has no form for it. */
        public final String percent;
        public final String issue;

        Bad(String escape, String percent, String issue) {
            this.escape = escape;
            this.percent = percent;
            this.issue = issue;
        }

        /** {@code json} with each {@link #MARK} replaced by this text's escape. */
        public String in(String json) {
            return json.replace(MARK, escape);
        }

        /** The issue of an object that has this text in one of its keys. */
        public String keyIssue() {
            return issue.replace("must not contain", "must not have a key containing");
        }
    }

    /** A 422 VALIDATION_ERROR with exactly one issue: {@code field}, and an issue starting with {@code issue}. */
    public static void assertRefused(Reply reply, String field, String issue) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(422);
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        JsonNode json = reply.json();
        assertThat(json.get("error").asString()).isEqualTo("VALIDATION_ERROR");
        assertThat(json.get("status_code").asInt()).isEqualTo(422);
        assertThat(json.get("detail").size()).as(reply.body()).isEqualTo(1);
        assertThat(json.get("detail").get(0).get("field").asString()).isEqualTo(field);
        assertThat(json.get("detail").get(0).get("issue").asString()).startsWith(issue);
    }
}
