package dev.pausepoint.response.respond;

import static dev.pausepoint.kit.request.JsonBodyIssues.issues;
import static dev.pausepoint.kit.request.JsonBodyIssues.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.errors.FieldIssue;
import dev.pausepoint.response.respond.RespondApiController.RespondRequest;
import org.junit.jupiter.api.Test;

/**
 * A human's answer as JSON, without HTTP: only types are judged here; whether the choice is one of the
 * options (400 INVALID_CHOICE) and the note's length are pause-service's rules.
 */
class RespondRequestTest {

    @Test
    void anAnswerIsAChoiceAndAnOptionalNote() {
        assertThat(read("{\"choice\": \"Approve\", \"text\": \"ok\", \"x\": 1}", RespondRequest.class))
                .isEqualTo(new RespondRequest("Approve", "ok"));
        assertThat(read("{}", RespondRequest.class)).isEqualTo(new RespondRequest(null, null));
    }

    @Test
    void everyWrongTypeIsListedAtOnce() {
        assertThat(issues("{\"text\": true, \"choice\": [\"Approve\"]}", RespondRequest.class))
                .containsExactly(new FieldIssue("choice", "must be a string"), new FieldIssue("text", "must be a string"));
    }
}
