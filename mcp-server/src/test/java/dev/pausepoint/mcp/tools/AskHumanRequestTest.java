package dev.pausepoint.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pausepoint.client.Channel;
import dev.pausepoint.client.CreatePauseRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AskHumanRequestTest {

    private static Map<String, Object> arguments(Map<String, Object> extra) {
        Map<String, Object> arguments = new LinkedHashMap<>(Map.of("channel", "sms", "recipient", "+15005550002",
                "question", "Deploy build 7?", "options", List.of("Approve", "Reject")));
        arguments.putAll(extra);
        return arguments;
    }

    private static CreatePauseRequest request(Map<String, Object> extra, String fallback) {
        return AskHumanRequest.from(new ToolArguments(arguments(extra)), fallback);
    }

    @Test
    void withoutTheNewArgumentsTheCreateCarriesNoneOfTheirFields() {
        CreatePauseRequest request = request(Map.of(), null);
        assertThat(request.agentName()).isNull();
        assertThat(request.reminders()).isNull();
        assertThat(request.escalation()).isNull();
        assertThat(request.message()).isEqualTo("Deploy build 7?");
    }

    @Test
    void theModelsAgentNameWinsOverTheFallback() {
        assertThat(request(Map.of("agent_name", "Release bot"), "cursor").agentName()).isEqualTo("Release bot");
        assertThat(request(Map.of(), "cursor").agentName()).isEqualTo("cursor");
    }

    @Test
    void remindersAndEscalationStepsBecomeTheCreatesFields() {
        CreatePauseRequest request = request(Map.of(
                "reminders", Map.of("every_minutes", 15, "max", 3),
                "escalation", List.of(Map.of("after_minutes", 30, "channel", "email", "recipient", "lead@example.com"),
                        Map.of("after_minutes", 60.0, "channel", "SLACK", "recipient", "https://hooks.slack.com/services/T/B/X"))),
                null);

        assertThat(request.reminders()).isEqualTo(new CreatePauseRequest.Reminders(15, 3));
        assertThat(request.escalation()).containsExactly(
                new CreatePauseRequest.EscalationStep(30, Channel.EMAIL, "lead@example.com"),
                new CreatePauseRequest.EscalationStep(60, Channel.SLACK, "https://hooks.slack.com/services/T/B/X"));
    }

    @Test
    void aMisshapenReminderOrStepIsRefusedNamingItsPath() {
        assertThatThrownBy(() -> request(Map.of("reminders", Map.of("every_minutes", 15)), null))
                .isInstanceOf(InvalidArgumentsException.class).hasMessage("reminders.max is required.");
        assertThatThrownBy(() -> request(Map.of("reminders", "hourly"), null))
                .hasMessage("reminders must be a JSON object.");
        assertThatThrownBy(() -> request(Map.of("escalation", List.of(
                Map.of("after_minutes", 30, "channel", "email", "recipient", "a@example.com"),
                Map.of("after_minutes", 60, "channel", "pager", "recipient", "x"))), null))
                .hasMessage("escalation[1].channel must be one of sms, email, slack, not \"pager\".");
        assertThatThrownBy(() -> request(Map.of("escalation", List.of(Map.of("channel", "sms", "recipient", "+1"))), null))
                .hasMessage("escalation[0].after_minutes is required.");
        assertThatThrownBy(() -> request(Map.of("escalation", Map.of("after_minutes", 5)), null))
                .hasMessage("escalation must be a list of JSON objects.");
        assertThatThrownBy(() -> request(Map.of("agent_name", 7), null)).hasMessage("agent_name must be a string.");
    }

    @Test
    void valueRulesAreLeftToTheApi() {
        CreatePauseRequest request = request(Map.of("reminders", Map.of("every_minutes", 1, "max", 9),
                "agent_name", "x".repeat(200)), null);
        assertThat(request.reminders()).isEqualTo(new CreatePauseRequest.Reminders(1, 9));
        assertThat(request.agentName()).hasSize(200);
    }
}
