package dev.pausepoint.pause.response;

import static dev.pausepoint.kit.request.JsonBodyIssues.issues;
import static dev.pausepoint.kit.request.JsonBodyIssues.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.errors.FieldIssue;
import dev.pausepoint.pause.response.InternalPauseController.RecordResponse;
import org.junit.jupiter.api.Test;

/** response-service's call that records a human's answer, without HTTP: types only; the rules are the transition's. */
class RecordResponseTest {

    @Test
    void anAnswerIsReadWithWhoGaveIt() {
        assertThat(read("""
                {"choice": "Approve", "text": null, "actor_ip": "198.51.100.7", "user_agent": "Phone/2.0"}""",
                RecordResponse.class)).isEqualTo(new RecordResponse("Approve", null, "198.51.100.7", "Phone/2.0"));
    }

    @Test
    void everyWrongTypeIsListedAtOnce() {
        assertThat(issues(
                "{\"user_agent\": 8, \"actor_ip\": 7, \"text\": 6, \"choice\": 5}", RecordResponse.class))
                .containsExactly(new FieldIssue("choice", "must be a string"), new FieldIssue("text", "must be a string"),
                        new FieldIssue("actor_ip", "must be a string"), new FieldIssue("user_agent", "must be a string"));
    }
}
