package dev.pausepoint.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ToolDescriptionsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void everyInputSchemaIsJsonAnObjectAndClosed() {
        for (ToolDescriptions.Described tool : List.of(ToolDescriptions.ASK_HUMAN, ToolDescriptions.GET_PAUSE,
                ToolDescriptions.WAIT_FOR_PAUSE, ToolDescriptions.CANCEL_PAUSE, ToolDescriptions.LIST_PAUSES)) {
            JsonNode schema = JSON.readTree(tool.inputSchema());
            assertThat(schema.path("type").asString()).as(tool.name()).isEqualTo("object");
            assertThat(schema.path("additionalProperties").asBoolean(true)).as(tool.name()).isFalse();
        }
    }

    @Test
    void askHumanTakesTheAgentRemindersAndEscalationWithTheApisBounds() {
        JsonNode properties = JSON.readTree(ToolDescriptions.ASK_HUMAN.inputSchema()).path("properties");

        assertThat(properties.path("agent_name").path("maxLength").asInt()).isEqualTo(80);
        JsonNode reminders = properties.path("reminders");
        assertThat(reminders.path("required").toString()).isEqualTo("[\"every_minutes\",\"max\"]");
        assertThat(reminders.path("properties").path("every_minutes").path("minimum").asInt()).isEqualTo(5);
        assertThat(reminders.path("properties").path("max").path("maximum").asInt()).isEqualTo(5);
        JsonNode escalation = properties.path("escalation");
        assertThat(escalation.path("maxItems").asInt()).isEqualTo(3);
        assertThat(escalation.path("items").path("required").toString())
                .isEqualTo("[\"after_minutes\",\"channel\",\"recipient\"]");
        assertThat(ToolDescriptions.ASK_HUMAN.description()).contains("escalation").contains("agent_name");
    }
}
