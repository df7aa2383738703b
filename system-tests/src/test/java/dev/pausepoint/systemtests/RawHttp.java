package dev.pausepoint.systemtests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP written byte by byte, for requests no client library would send: request targets with
 * {@code %zz}, a lone {@code %}, raw non-ASCII bytes, or anything else a URI class refuses. One
 * request per connection ({@code Connection: close}), so the answer ends when the gateway closes. A body
 * waits for {@code 100 Continue}, so a server that refuses the request by its head answers instead of
 * resetting a connection the client is still writing to.
 */
final class RawHttp {

    record Answer(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    private RawHttp() {
    }

    /** {@code target} is the request target exactly as sent; {@code headers} alternate names and values. */
    static Answer send(URI server, String method, byte[] target, List<String> headers, byte[] body) throws IOException {
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        request.writeBytes((method + " ").getBytes(StandardCharsets.US_ASCII));
        request.writeBytes(target);
        StringBuilder head = new StringBuilder(" HTTP/1.1\r\nHost: " + server.getHost() + ":" + server.getPort()
                + "\r\nConnection: close\r\n");
        for (int i = 0; i + 1 < headers.size(); i += 2) {
            head.append(headers.get(i)).append(": ").append(headers.get(i + 1)).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\nExpect: 100-continue\r\n");
        }
        request.writeBytes(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(request.toByteArray());
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            if (body != null && !refusedBeforeTheBody(socket, in, answer)) {
                out.write(body);
                out.flush();
            }
            socket.setSoTimeout(40_000);
            in.transferTo(answer);
            return parse(answer.toByteArray());
        }
    }

    /**
     * Waits, as a client that sent {@code Expect: 100-continue} does, for the server to ask for the body
     * or to answer without it (a refusal by its head: too long a line, an unknown path, a limit). Only an
     * interim {@code 100} is consumed; a final answer's bytes stay in {@code answer}. A server that says
     * nothing within a second gets the body anyway.
     */
    private static boolean refusedBeforeTheBody(Socket socket, InputStream in, ByteArrayOutputStream answer)
            throws IOException {
        socket.setSoTimeout(1_000);
        ByteArrayOutputStream interim = new ByteArrayOutputStream();
        try {
            while (true) {
                int b = in.read();
                if (b < 0) {
                    answer.writeBytes(interim.toByteArray());
                    return true;
                }
                interim.write(b);
                byte[] seen = interim.toByteArray();
                if (seen.length >= 4 && indexOf(seen, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0) >= 0) {
                    if (new String(seen, StandardCharsets.ISO_8859_1).startsWith("HTTP/1.1 100")) {
                        return false;
                    }
                    answer.writeBytes(seen);
                    return true;
                }
            }
        } catch (SocketTimeoutException silent) {
            answer.writeBytes(interim.toByteArray());
            return false;
        }
    }

    private static Answer parse(byte[] raw) throws IOException {
        int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
        if (end < 0) {
            throw new IOException("no complete HTTP answer, only " + raw.length + " bytes: "
                    + new String(raw, StandardCharsets.ISO_8859_1));
        }
        String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim());
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Answer(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = indexOf(chunked, new byte[] {'\r', '\n'}, at);
            if (lineEnd < 0) {
                throw new IOException("truncated chunked body");
            }
            String size = new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].trim();
            int length = Integer.parseInt(size, 16);
            if (length == 0) {
                return out.toByteArray();
            }
            out.write(chunked, lineEnd + 2, length);
            at = lineEnd + 2 + length + 2;
        }
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
