package dev.pausepoint.mcp.http;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A request this copy makes to the SDK's transport itself, and the answer it gets, without a connection:
 * the {@code initialize} that adopts a session and the {@code DELETE} that ends one ({@link McpSessions}). Both
 * are answered synchronously, so only the few request and response methods the transport calls for them do
 * anything; the rest answer nothing.
 */
final class SyntheticExchange {

    private final HttpServletRequest request;
    private final Answer response;

    private SyntheticExchange(String method, String sessionId, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.put("Accept", "application/json, text/event-stream");
        headers.put("Content-Type", "application/json");
        headers.put("Host", "localhost");
        if (sessionId != null) {
            headers.put(McpGatewayFilter.MCP_SESSION_ID, sessionId);
        }
        Map<String, Object> attributes = new HashMap<>();
        this.request = (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, called, arguments) -> switch (called.getName()) {
                    case "getMethod" -> method;
                    case "getRequestURI" -> McpHttpConfiguration.ENDPOINT;
                    case "getHeader" -> headers.get((String) arguments[0]);
                    case "getHeaders" -> Collections.enumeration(headers.containsKey((String) arguments[0])
                            ? java.util.List.of(headers.get((String) arguments[0])) : java.util.List.of());
                    case "getHeaderNames" -> Collections.enumeration(headers.keySet());
                    case "getContentLength" -> bytes.length;
                    case "getContentLengthLong" -> (long) bytes.length;
                    case "getContentType" -> "application/json";
                    case "getCharacterEncoding" -> "UTF-8";
                    case "getInputStream" -> stream(bytes);
                    case "getReader" -> new BufferedReader(new InputStreamReader(new ByteArrayInputStream(bytes),
                            StandardCharsets.UTF_8));
                    case "getAttribute" -> attributes.get((String) arguments[0]);
                    case "setAttribute" -> attributes.put((String) arguments[0], arguments[1]);
                    case "toString" -> "synthetic " + method + " /mcp";
                    default -> nothing(called.getReturnType());
                });
        this.response = new Answer();
    }

    static SyntheticExchange post(String body) {
        return new SyntheticExchange("POST", null, body);
    }

    static SyntheticExchange delete(String sessionId) {
        return new SyntheticExchange("DELETE", sessionId, "");
    }

    HttpServletRequest request() {
        return request;
    }

    Answer response() {
        return response;
    }

    /** The status and headers the transport set, and what it wrote. */
    static final class Answer {
        private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private final StringWriter body = new StringWriter();
        private int status = 200;
        private final HttpServletResponse servlet = (HttpServletResponse) Proxy.newProxyInstance(
                Answer.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (proxy, called, arguments) -> switch (called.getName()) {
                    case "setStatus", "sendError" -> {
                        status = (Integer) arguments[0];
                        yield null;
                    }
                    case "getStatus" -> status;
                    case "setHeader", "addHeader" -> headers.put((String) arguments[0], (String) arguments[1]);
                    case "getHeader" -> headers.get((String) arguments[0]);
                    case "getWriter" -> new PrintWriter(body);
                    case "toString" -> "synthetic answer";
                    default -> nothing(called.getReturnType());
                });

        HttpServletResponse servlet() {
            return servlet;
        }

        String getHeader(String name) {
            return headers.get(name);
        }

        int getStatus() {
            return status;
        }
    }

    private static ServletInputStream stream(byte[] bytes) {
        ByteArrayInputStream in = new ByteArrayInputStream(bytes);
        return new ServletInputStream() {
            @Override
            public int read() {
                return in.read();
            }

            @Override
            public boolean isFinished() {
                return in.available() == 0;
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setReadListener(ReadListener listener) {
                throw new UnsupportedOperationException();
            }
        };
    }

    private static Object nothing(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        return null;
    }
}
