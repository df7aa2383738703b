package dev.pausepoint.systemtests;

import static dev.pausepoint.systemtests.Developer.as;

import dev.pausepoint.systemtests.Http.Reply;
import tools.jackson.databind.JsonNode;

/** A test-key pause created through the gateway, and its real response link. */
record RespondedPause(Developer developer, String pauseId, String respondUrl) {

    static final String MESSAGE = "Deploy build 42 to production?";

    static RespondedPause create() {
        Developer developer = Developer.register();
        Reply created = as(developer.test(), "POST", "/v1/pause", """
                {"recipient": "+14155550123", "channel": "sms", "message": "%s",
                 "options": ["Approve", "Reject", "Ask me later"], "allow_text_response": true}""".formatted(MESSAGE));
        if (created.status() != 201) {
            throw new AssertionError("create failed: " + created.status() + " " + created.body());
        }
        return new RespondedPause(developer, created.json().get("pause_id").asString(),
                created.json().get("respond_url").asString());
    }

    String token() {
        return respondUrl.substring(respondUrl.lastIndexOf('/') + 1);
    }

    /** The pause as its developer sees it. */
    JsonNode current() {
        return as(developer.test(), "GET", "/v1/pause/" + pauseId, null).json();
    }

    JsonNode audit(String eventType) {
        return as(developer.test(), "GET", "/v1/audit?pause_id=" + pauseId + "&event_type=" + eventType, null)
                .json().get("items");
    }
}
