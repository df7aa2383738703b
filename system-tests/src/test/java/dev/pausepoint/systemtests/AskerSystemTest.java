package dev.pausepoint.systemtests;

import static dev.pausepoint.systemtests.Developer.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pausepoint.systemtests.Http.Reply;
import java.time.Duration;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The human knows who is asking (docs/api-reference.md, "Pauses", "Human response", "Channels"): the account's
 * name travels from billing through the gateway's signed identity onto the pause, the agent's name comes with
 * the create, and both reach the message and the response link.
 */
@Order(4)
class AskerSystemTest {

    private static final String ACCOUNT = "Zoë & Co 🚀 شركة";
    private static final String AGENT = "deploy-bot 🤖";

    private static JsonNode awaitSandbox(Developer developer, String pauseId) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(as(developer.test(), "GET",
                "/v1/pause/" + pauseId, null).json().get("delivery").get("status").asString()).isEqualTo("sandbox"));
        return as(developer.test(), "GET", "/v1/pause/" + pauseId, null).json();
    }

    @Test
    void theMessageAndTheLinkNameTheAccountAndTheAgentAndTheLinkTellsTheDefault() {
        Developer developer = Developer.register(ACCOUNT);
        // A client's claim of another name is removed at the gateway like every X-PausePoint-* header.
        Reply created = as(developer.test(), "POST", "/v1/pause", """
                {"recipient": "+14155550123", "channel": "sms", "message": "Deploy?", "options": ["Approve", "Reject"],
                 "timeout_default": "Reject", "agent_name": "%s"}""".formatted(AGENT),
                "X-PausePoint-Account-Name", "Someone%20Else");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String pauseId = created.json().get("pause_id").asString();
        String respondUrl = created.json().get("respond_url").asString();

        JsonNode pause = awaitSandbox(developer, pauseId);
        assertThat(pause.get("agent_name").asString()).isEqualTo(AGENT);
        assertThat(pause.has("account_name")).as("the developer's own name is not in the pause object").isFalse();
        assertThat(pause.get("delivery").get("sandbox_message").asString()).isEqualTo("[PausePoint] " + ACCOUNT
                + " asks, via " + AGENT + ": Deploy?\n\nRespond here: " + respondUrl);

        Reply link = Http.get("/v1/respond/" + respondUrl.substring(respondUrl.lastIndexOf('/') + 1));
        assertThat(link.status()).isEqualTo(200);
        assertThat(link.json().get("requested_by").get("account_name").asString()).isEqualTo(ACCOUNT);
        assertThat(link.json().get("requested_by").get("agent_name").asString()).isEqualTo(AGENT);
        assertThat(link.json().get("timeout_default").asString()).isEqualTo("Reject");
    }

    /** The free plan has SMS only; the email's wording is held by delivery-service's tests. */
    @Test
    void withoutAnAgentNameOrADefaultTheAccountAloneIsNamed() {
        Developer developer = Developer.register(ACCOUNT);
        Reply created = as(developer.test(), "POST", "/v1/pause", """
                {"recipient": "+14155550123", "channel": "sms", "message": "Deploy?", "options": ["Approve", "Reject"]}""");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String pauseId = created.json().get("pause_id").asString();
        String respondUrl = created.json().get("respond_url").asString();

        JsonNode pause = awaitSandbox(developer, pauseId);
        assertThat(pause.get("agent_name").isNull()).isTrue();
        assertThat(pause.get("delivery").get("sandbox_message").asString())
                .isEqualTo("[PausePoint] " + ACCOUNT + " asks: Deploy?\n\nRespond here: " + respondUrl);
        Reply link = Http.get("/v1/respond/" + respondUrl.substring(respondUrl.lastIndexOf('/') + 1));
        assertThat(link.json().get("requested_by").get("account_name").asString()).isEqualTo(ACCOUNT);
        assertThat(link.json().get("requested_by").get("agent_name").isNull()).isTrue();
        assertThat(link.json().get("timeout_default").isNull()).isTrue();
    }

    @Test
    void anAgentNameThatCouldBreakAMessageIsRefusedOnItsField() {
        Developer developer = Developer.register();
        for (String name : new String[] {"bot\\r\\nBcc: victim@example.com", "bot\\u0000", "a".repeat(81), " "}) {
            Reply refused = as(developer.test(), "POST", "/v1/pause", """
                    {"recipient": "+14155550123", "channel": "sms", "message": "Deploy?", "options": ["Yes", "No"],
                     "agent_name": "%s"}""".formatted(name));
            assertThat(refused.status()).as(name).isEqualTo(422);
            assertThat(refused.json().get("error").asString()).isEqualTo("VALIDATION_ERROR");
            assertThat(refused.json().get("detail").get(0).get("field").asString()).isEqualTo("agent_name");
        }
    }
}
