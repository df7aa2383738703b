package dev.pausepoint.mcp.tools;

import dev.pausepoint.client.Channel;
import dev.pausepoint.client.CreatePauseRequest;
import java.util.Map;

/**
 * The create an {@code ask_human} call makes: its arguments under the API's names ({@code question} is
 * {@code message}, {@code default} is {@code timeout_default}, {@code allow_text} is {@code allow_text_response}),
 * and the agent's name when the model gives none ({@link AgentName}).
 */
final class AskHumanRequest {

    private AskHumanRequest() {
    }

    static CreatePauseRequest from(ToolArguments arguments, String fallbackAgentName) {
        CreatePauseRequest.Builder request = CreatePauseRequest.builder()
                .channel(arguments.choice("channel", Channel.class, true))
                .recipient(arguments.requiredText("recipient"))
                .message(arguments.requiredText("question"))
                .options(arguments.texts("options").toArray(String[]::new))
                .allowTextResponse(Boolean.TRUE.equals(arguments.bool("allow_text")));
        Integer timeoutHours = arguments.integer("timeout_hours");
        if (timeoutHours != null) {
            request.timeoutHours(timeoutHours);
        }
        String timeoutDefault = arguments.text("default");
        if (timeoutDefault != null) {
            request.timeoutDefault(timeoutDefault);
        }
        Map<String, Object> metadata = arguments.object("metadata");
        if (metadata != null) {
            request.metadata(metadata);
        }
        String agentName = arguments.text("agent_name");
        request.agentName(agentName != null ? agentName : fallbackAgentName);
        ToolArguments reminders = arguments.nested("reminders");
        if (reminders != null) {
            request.reminders(reminders.requiredInteger("every_minutes"), reminders.requiredInteger("max"));
        }
        for (ToolArguments step : arguments.objects("escalation")) {
            request.escalateAfter(step.requiredInteger("after_minutes"), step.choice("channel", Channel.class, true),
                    step.requiredText("recipient"));
        }
        return request.build();
    }
}
