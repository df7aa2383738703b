package dev.pausepoint.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.pausepoint.mcp.McpServerInfo;
import io.modelcontextprotocol.spec.McpSchema.Implementation;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentNameTest {

    @Test
    void theConfiguredNameWinsOverTheClientsOwn() {
        assertThat(AgentName.fallback("Ops bot", new Implementation("claude-ai", "1.0"))).isEqualTo("Ops bot");
    }

    @Test
    void withoutAConfiguredNameTheClientsOwnNameFromInitializeIsUsed() {
        assertThat(AgentName.fallback(null, new Implementation("cursor", "0.42"))).isEqualTo("cursor");
    }

    @Test
    void noClientInfoOrAnAdoptedSessionNamesNoAgent() {
        assertThat(AgentName.fallback(null, null)).isNull();
        assertThat(AgentName.fallback(null, new Implementation(McpServerInfo.ADOPTED_CLIENT_NAME, "1"))).isNull();
    }

    @Test
    void aClientNameIsMadeToFitTheApisRule() {
        assertThat(AgentName.fitted("evil\r\nSubject: x\u0000\u0085")).isEqualTo("evil Subject: x");
        assertThat(AgentName.fitted(" \t\u0007 ")).isNull();
        String emoji = "🤖".repeat(90);
        assertThat(AgentName.fitted(emoji)).isEqualTo("🤖".repeat(80));
        assertThat(AgentName.fitted("a".repeat(79) + " b")).isEqualTo("a".repeat(79));
    }

    @Test
    void aConfiguredNameIsCheckedAtStartUp() {
        assertThat(McpSettings.from(Map.of("PAUSEPOINT_AGENT_NAME", "Deploy assistant")::get).agentName())
                .isEqualTo("Deploy assistant");
        assertThat(McpSettings.from(Map.of("PAUSEPOINT_AGENT_NAME", "")::get).agentName()).isNull();
        assertThat(McpSettings.from(Map.<String, String>of()::get).agentName()).isNull();
        assertThat(McpSettings.from(Map.of("PAUSEPOINT_AGENT_NAME", "x".repeat(80))::get).agentName()).hasSize(80);
        assertThatThrownBy(() -> McpSettings.from(Map.of("PAUSEPOINT_AGENT_NAME", "x".repeat(81))::get))
                .hasMessageContaining("PAUSEPOINT_AGENT_NAME");
        assertThatThrownBy(() -> McpSettings.from(Map.of("PAUSEPOINT_AGENT_NAME", "bot\nname")::get))
                .hasMessageContaining("PAUSEPOINT_AGENT_NAME");
        assertThatThrownBy(() -> McpSettings.from(Map.of("PAUSEPOINT_AGENT_NAME", "   ")::get))
                .hasMessageContaining("PAUSEPOINT_AGENT_NAME");
    }
}
