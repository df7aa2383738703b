package dev.pausepoint.mcp.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.mcp.McpServerInfo;
import io.modelcontextprotocol.server.McpAsyncServer;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Sessions against the SDK's real transport: what the SDK holds is seen by whether it serves a DELETE. */
class McpSessionsTest {

    private final HttpServletStreamableServerTransportProvider transport = HttpServletStreamableServerTransportProvider
            .builder().mcpEndpoint("/mcp").build();
    private final McpAsyncServer server = McpServerInfo.build(McpServer.async(transport), List.of());
    private final MovableClock clock = new MovableClock();
    private final McpSessions sessions = new McpSessions(transport, clock, Duration.ofMinutes(30), 2);

    @AfterEach
    void close() {
        server.close();
    }

    /** The status the SDK answers a DELETE of {@code localId} with: 200 if it held the session, else 404. */
    private int delete(String localId) throws Exception {
        SyntheticExchange delete = SyntheticExchange.delete(localId);
        transport.service(delete.request(), delete.response().servlet());
        return delete.response().getStatus();
    }

    @Test
    void aSessionAnotherCopyOpenedIsAdoptedAsOneOfThisCopysOwn() throws Exception {
        String local = sessions.local("opened-elsewhere", new MockHttpServletRequest()).orElseThrow();
        assertThat(local).isNotEqualTo("opened-elsewhere");
        assertThat(sessions.local("opened-elsewhere", new MockHttpServletRequest())).as("adopted once").hasValue(local);
        assertThat(sessions.closing("opened-elsewhere")).hasValue(local);
        assertThat(delete(local)).as("the SDK held it").isEqualTo(200);
        assertThat(delete("never-opened")).isEqualTo(404);
    }

    @Test
    void aSessionUnusedForTheIdleTimeoutIsEnded() throws Exception {
        String idle = sessions.local("idle", new MockHttpServletRequest()).orElseThrow();
        clock.advance(Duration.ofMinutes(20));
        String used = sessions.local("used", new MockHttpServletRequest()).orElseThrow();
        clock.advance(Duration.ofMinutes(11));
        sessions.endIdle();
        assertThat(sessions.held()).isEqualTo(1);
        assertThat(delete(idle)).as("ended in the SDK too").isEqualTo(404);
        assertThat(delete(used)).isEqualTo(200);
    }

    @Test
    void pastTheMaximumTheLeastRecentlyUsedSessionIsEnded() throws Exception {
        String first = sessions.local("first", new MockHttpServletRequest()).orElseThrow();
        clock.advance(Duration.ofSeconds(1));
        String second = sessions.local("second", new MockHttpServletRequest()).orElseThrow();
        clock.advance(Duration.ofSeconds(1));
        sessions.local("first", new MockHttpServletRequest());
        clock.advance(Duration.ofSeconds(1));
        sessions.local("third", new MockHttpServletRequest());
        assertThat(sessions.held()).isEqualTo(2);
        assertThat(delete(second)).isEqualTo(404);
        assertThat(delete(first)).isEqualTo(200);
    }

    private static final class MovableClock extends Clock {
        private Instant now = Instant.parse("2026-12-01T04:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
