package dev.pausepoint.mcp.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class McpSettingsTest {

    @Test
    void unsetVariablesTakeTheDocumentedDefaults() {
        McpSettings settings = McpSettings.from(Map.<String, String>of()::get);
        assertThat(settings.apiUrl()).isEqualTo(URI.create("http://localhost:8080"));
        assertThat(settings.defaultWait()).isEqualTo(Duration.ofSeconds(50));
        assertThat(settings.maxWait()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.progressInterval()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void durationsReadAsUnitsOrIso() {
        McpSettings settings = McpSettings.from(Map.of("PAUSEPOINT_MCP_DEFAULT_WAIT", "PT20S",
                "PAUSEPOINT_MCP_MAX_WAIT", "2h", "PAUSEPOINT_MCP_PROGRESS_INTERVAL", "500ms",
                "PAUSEPOINT_URL", " http://gateway:8080 ")::get);
        assertThat(settings.defaultWait()).isEqualTo(Duration.ofSeconds(20));
        assertThat(settings.maxWait()).isEqualTo(Duration.ofHours(2));
        assertThat(settings.progressInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.apiUrl()).isEqualTo(URI.create("http://gateway:8080"));
    }

    @Test
    void aModelCannotWaitLongerThanTheMaximum() {
        McpSettings settings = McpSettings.from(Map.of("PAUSEPOINT_MCP_MAX_WAIT", "60s")::get);
        assertThat(settings.waitFor(null)).isEqualTo(Duration.ofSeconds(50));
        assertThat(settings.waitFor(3600)).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.waitFor(-5)).isZero();
        assertThat(settings.waitFor(7)).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void refusesADefaultPastTheMaximumAndUnreadableDurations() {
        assertThatThrownBy(() -> McpSettings.from(Map.of("PAUSEPOINT_MCP_MAX_WAIT", "10s")::get))
                .hasMessageContaining("PAUSEPOINT_MCP_DEFAULT_WAIT");
        assertThatThrownBy(() -> McpSettings.from(Map.of("PAUSEPOINT_MCP_MAX_WAIT", "ten minutes")::get))
                .hasMessageContaining("PAUSEPOINT_MCP_MAX_WAIT");
        assertThatThrownBy(() -> McpSettings.from(Map.of("PAUSEPOINT_MCP_PROGRESS_INTERVAL", "0s")::get))
                .hasMessageContaining("PAUSEPOINT_MCP_PROGRESS_INTERVAL");
    }
}
