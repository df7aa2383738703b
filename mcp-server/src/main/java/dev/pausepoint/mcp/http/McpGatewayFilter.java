package dev.pausepoint.mcp.http;

import dev.pausepoint.client.PausePointClient;
import dev.pausepoint.errors.ErrorBody;
import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.errors.servlet.ServletErrorWriter;
import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.CredentialKind;
import dev.pausepoint.identity.RequestSigner;
import dev.pausepoint.identity.UntrustedRequestException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Everything {@code /mcp} needs before the SDK's transport reads the request:
 * <ol>
 *   <li>the request came through the gateway: its signed identity verifies (docs/trust-boundary.md), or 401;</li>
 *   <li>from an API key, the only credential the tools can act with (a session names no world of its own), or
 *   401; the key itself, which the gateway keeps on this route alone, is what the tools call the API with;</li>
 *   <li>no {@code GET}: the server sends nothing outside a request's own stream, so it offers no standing stream
 *   (405, which the protocol allows), and no connection outlives the request it serves;</li>
 *   <li>the JSON-RPC message is read once: a {@code notifications/cancelled} stops the wait it names, and a
 *   request is given its {@link HttpToolCall} (its id, its response stream) for the tools;</li>
 *   <li>the session it names is one this copy holds, adopted if need be ({@link McpSessions}), so any copy
 *   serves any session.</li>
 * </ol>
 */
class McpGatewayFilter extends OncePerRequestFilter {

    static final String MCP_SESSION_ID = "Mcp-Session-Id";
    /** The gateway caps every body at this size; a larger one cannot have come through it. */
    static final int MAX_BODY = 64 * 1024;

    private static final Logger log = LoggerFactory.getLogger(McpGatewayFilter.class);
    private static final ErrorBody NOT_THROUGH_GATEWAY = ErrorBody.of(ErrorCode.INVALID_API_KEY,
            "This service only accepts requests forwarded by the PausePoint gateway.");
    private static final ErrorBody NOT_AN_API_KEY = ErrorBody.of(ErrorCode.INVALID_API_KEY,
            "The MCP endpoint takes an API key: send Authorization: Bearer <your pp_live_ or pp_test_ key>.");

    private final RequestSigner signer;
    private final PausePointClient api;
    private final WaitCancellations cancellations;
    private final McpSessions sessions;
    private final ObjectMapper json;

    McpGatewayFilter(RequestSigner signer, PausePointClient api, WaitCancellations cancellations,
            McpSessions sessions, ObjectMapper json) {
        this.signer = signer;
        this.api = api;
        this.cancellations = cancellations;
        this.sessions = sessions;
        this.json = json;
    }

    // No shouldNotFilter: the filter is mapped to the endpoint's pattern, and the container maps a spelling such as
    // /mcp;p=1 to the endpoint too; that spelling must meet the signature check (which it fails), not skip it.

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        CallerIdentity caller;
        try {
            caller = signer.verifyIdentity(request::getHeader, request.getMethod(), request.getRequestURI());
        } catch (UntrustedRequestException e) {
            log.warn("Refused {} /mcp from {}: {}", request.getMethod(), request.getRemoteAddr(), e.reason());
            ServletErrorWriter.write(response, NOT_THROUGH_GATEWAY);
            return;
        }
        String apiKey = bearer(request.getHeader("Authorization"));
        if (caller.credential() != CredentialKind.API_KEY || apiKey == null) {
            ServletErrorWriter.write(response, NOT_AN_API_KEY);
            return;
        }
        if ("GET".equals(request.getMethod())) {
            response.setHeader("Allow", "POST, DELETE");
            ServletErrorWriter.write(response, ErrorBody.of(ErrorCode.METHOD_NOT_ALLOWED,
                    "This server sends messages only on the stream of the request they answer; POST your requests."));
            return;
        }
        String sessionId = request.getHeader(MCP_SESSION_ID);
        if (!"POST".equals(request.getMethod())) {
            if (sessionId != null && "DELETE".equals(request.getMethod())) {
                String local = sessions.closing(sessionId).orElse(sessionId);
                chain.doFilter(new Forwarded(request, new byte[0], local), response);
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            ServletErrorWriter.write(response, ErrorBody.of(ErrorCode.PAYLOAD_TOO_LARGE,
                    "A message to the MCP endpoint is at most 64 KB."));
            return;
        }
        JsonNode message = readMessage(body);
        String method = message == null ? null : message.path("method").asString(null);
        // Waits are keyed by the caller too: a session id names no owner, and another key must not stop them.
        String owner = caller.developerId() + "/" + caller.mode() + "/" + sessionId;
        if ("notifications/cancelled".equals(method)) {
            boolean stopped = cancellations.cancel(owner, id(message.path("params").get("requestId")));
            log.debug("Cancellation in session {}: {}", sessionId, stopped ? "its wait stopped" : "no wait of it here");
        }
        String local = sessionId == null || message == null || "initialize".equals(method) ? null
                : sessions.local(sessionId, request).orElse(sessionId);
        StreamCapture capture = new StreamCapture(response);
        request.setAttribute(HttpToolCall.CONTEXT_KEY, new HttpToolCall(api.withApiKey(apiKey), capture::writer,
                cancellations, owner, message == null ? null : id(message.get("id"))));
        chain.doFilter(new Forwarded(request, body, local), capture);
        String opened = capture.getHeader(MCP_SESSION_ID);
        if ("initialize".equals(method) && opened != null) {
            sessions.opened(opened);
        }
    }

    /** The message as a tree, or null when it is not one JSON object (the SDK's transport answers that). */
    private JsonNode readMessage(byte[] body) {
        try {
            JsonNode message = json.readTree(body);
            return message != null && message.isObject() ? message : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** A JSON-RPC id, a string or a number, in one spelling for both the request and its cancellation. */
    private static String id(JsonNode id) {
        if (id == null || !(id.isString() || id.isNumber())) {
            return null;
        }
        return (id.isString() ? "s:" : "n:") + id.asString();
    }

    private static String bearer(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String token = authorization.substring(7).trim();
        return token.isEmpty() ? null : token;
    }

    /** The body already read, offered again to the transport, with the SDK's own id of the session. */
    private static final class Forwarded extends HttpServletRequestWrapper {
        private final byte[] body;
        private final String sessionId;

        Forwarded(HttpServletRequest request, byte[] body, String sessionId) {
            super(request);
            this.body = body;
            this.sessionId = sessionId;
        }

        @Override
        public String getHeader(String name) {
            return sessionId != null && MCP_SESSION_ID.equalsIgnoreCase(name) ? sessionId : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return sessionId != null && MCP_SESSION_ID.equalsIgnoreCase(name)
                    ? Collections.enumeration(List.of(sessionId)) : super.getHeaders(name);
        }

        @Override
        public ServletInputStream getInputStream() {
            return new BodyStream(body);
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }

    /** Remembers the writer the transport streams its events with, so a wait can check the connection. */
    private static final class StreamCapture extends HttpServletResponseWrapper {
        private volatile PrintWriter writer;

        StreamCapture(HttpServletResponse response) {
            super(response);
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            PrintWriter opened = super.getWriter();
            writer = opened;
            return opened;
        }

        PrintWriter writer() {
            return writer;
        }
    }
}
