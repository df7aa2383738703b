package dev.pausepoint.mcp.http;

import dev.pausepoint.mcp.McpServerInfo;
import jakarta.servlet.Servlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The MCP sessions this copy serves, so that any copy serves any session and none holds one forever.
 *
 * <p>The SDK keeps a session in the memory of the copy that answered its {@code initialize}, and answers 404
 * for an id it does not know. Nothing the tools need lives in a session (each request carries its caller's key),
 * so when a request names a session this copy has never seen (another copy opened it, or this copy restarted),
 * the copy <em>adopts</em> it: it opens a session of its own for the client with an {@code initialize} of its
 * own, and from then on hands the SDK its local id in place of the client's. Copies behind a balancer thus need
 * no affinity (docs/mcp.md, "Scaling").
 *
 * <p>The SDK ends a session only on the client's {@code DELETE}, which many clients never send; a session unused
 * for {@code idleTimeout} is ended here with a {@code DELETE} of our own, and past {@code maxSessions} the least
 * recently used one is, so the sessions one copy holds are bounded.
 */
class McpSessions {

    private static final Logger log = LoggerFactory.getLogger(McpSessions.class);

    /** What the SDK accepts as the version of an adopted session when the client did not say its own. */
    static final String DEFAULT_PROTOCOL_VERSION = "2025-06-18";

    private record Local(String id, Instant lastUsed) {
    }

    private final Map<String, Local> sessions = new ConcurrentHashMap<>();
    private final Servlet transport;
    private final Clock clock;
    private final Duration idleTimeout;
    private final int maxSessions;

    McpSessions(Servlet transport, Clock clock, Duration idleTimeout, int maxSessions) {
        this.transport = transport;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.maxSessions = maxSessions;
    }

    /** A session the SDK just opened for an {@code initialize} through this copy. */
    void opened(String id) {
        hold(id, id);
    }

    private void hold(String clientId, String localId) {
        sessions.put(clientId, new Local(localId, clock.instant()));
        while (sessions.size() > maxSessions) {
            sessions.entrySet().stream().min(Comparator.comparing(entry -> entry.getValue().lastUsed()))
                    .ifPresent(oldest -> end(oldest.getKey()));
        }
    }

    /**
     * The SDK's id for the client's session {@code clientId}, adopting it first if this copy does not hold it;
     * empty when the SDK refused the adoption (its answer then stands for the client's request too).
     */
    Optional<String> local(String clientId, HttpServletRequest request) throws ServletException, IOException {
        Local known = sessions.computeIfPresent(clientId, (id, local) -> new Local(local.id(), clock.instant()));
        if (known != null) {
            return Optional.of(known.id());
        }
        String protocolVersion = request.getHeader("MCP-Protocol-Version");
        SyntheticExchange initialize = SyntheticExchange.post("""
                {"jsonrpc":"2.0","id":"adopt","method":"initialize","params":{"protocolVersion":"%s",\
                "capabilities":{},"clientInfo":{"name":"%s","version":"1"}}}"""
                .formatted(protocolVersion == null || !protocolVersion.matches("[0-9-]{1,20}")
                        ? DEFAULT_PROTOCOL_VERSION : protocolVersion, McpServerInfo.ADOPTED_CLIENT_NAME));
        transport.service(initialize.request(), initialize.response().servlet());
        String localId = initialize.response().getHeader(McpGatewayFilter.MCP_SESSION_ID);
        if (localId == null) {
            log.warn("Could not adopt an MCP session: the transport answered {}", initialize.response().getStatus());
            return Optional.empty();
        }
        log.debug("Adopted MCP session {} as {}", clientId, localId);
        hold(clientId, localId);
        return Optional.of(localId);
    }

    /**
     * The client ends its session with its own {@code DELETE}: the SDK's id for it, to serve the {@code DELETE}
     * with, if this copy holds it (no session is adopted only to be ended).
     */
    Optional<String> closing(String clientId) {
        return Optional.ofNullable(sessions.remove(clientId)).map(Local::id);
    }

    /** Ends every session unused for longer than the idle timeout. */
    void endIdle() {
        Instant oldest = clock.instant().minus(idleTimeout);
        sessions.forEach((clientId, local) -> {
            if (local.lastUsed().isBefore(oldest)) {
                end(clientId);
            }
        });
    }

    int held() {
        return sessions.size();
    }

    private void end(String clientId) {
        Local local = sessions.remove(clientId);
        if (local == null) {
            return;
        }
        try {
            SyntheticExchange delete = SyntheticExchange.delete(local.id());
            transport.service(delete.request(), delete.response().servlet());
        } catch (ServletException | IOException | RuntimeException e) {
            log.warn("Could not end MCP session {}: {}", local.id(), e.toString());
        }
    }
}
