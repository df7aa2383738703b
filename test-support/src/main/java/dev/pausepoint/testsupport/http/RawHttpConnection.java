package dev.pausepoint.testsupport.http;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One HTTP/1.1 connection to localhost driven byte by byte: whatever is written goes out exactly as given,
 * and responses are read off the socket one at a time, so a test sees what a client reusing the connection
 * sees (java.net.http would validate the request and quietly open another connection). Text is written as
 * ISO-8859-1, one byte per char, so any byte can be spelled: a NUL, a bare {@code %}, a raw non-ASCII byte.
 *
 * <p>Three ways to use it: write a request and {@link #read()} its response (or {@link #exchange} both on a
 * new connection); {@link #sendClosing} one request on a connection the server then closes, with the
 * {@code Expect: 100-continue} handshake for a body; or {@link #openWith} a request and leave its answer
 * unread, so the request stays in progress (a parked long-poll) until the test reads it or hangs up.
 */
public final class RawHttpConnection implements AutoCloseable {

    /** How long {@link #exchange} and {@link #openWith} wait for a byte of the response. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(15);

    /**
     * How long {@link #sendClosing} waits for {@code 100 Continue} or a refusal before it sends the body
     * anyway, as a client that sent {@code Expect: 100-continue} does with a silent server.
     */
    public static final Duration CONTINUE_WAIT = Duration.ofSeconds(1);

    /**
     * One response. {@code head} is the status line and header lines exactly as received, up to and
     * including the blank line that ends them; header names in {@code headers} are lower case.
     */
    public record Response(int status, String head, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }

        /** Whether the server said it closes the connection after this response. */
        public boolean closing() {
            String connection = header("connection");
            return connection != null && connection.toLowerCase(Locale.ROOT).contains("close");
        }

        boolean interim() {
            return status >= 100 && status < 200;
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final int readTimeoutMillis;

    public RawHttpConnection(int port, Duration readTimeout) {
        try {
            readTimeoutMillis = (int) readTimeout.toMillis();
            socket = new Socket("localhost", port);
            socket.setSoTimeout(readTimeoutMillis);
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends {@code request} on a new connection and reads the one response. */
    public static Response exchange(int port, String request) {
        return exchange(port, request.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Sends exactly these bytes on a new connection and reads the one response. */
    public static Response exchange(int port, byte[] request) {
        try (RawHttpConnection connection = new RawHttpConnection(port, READ_TIMEOUT)) {
            connection.write(request);
            return connection.read();
        }
    }

    /**
     * Opens a connection and sends {@code request} on it, leaving the response unread: the request stays
     * in progress for as long as the test holds the connection, and {@link #close()} is a client hanging up.
     */
    public static RawHttpConnection openWith(int port, String request) {
        RawHttpConnection connection = new RawHttpConnection(port, READ_TIMEOUT);
        try {
            return connection.write(request);
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** Writes {@code text} as ISO-8859-1 bytes (one byte per char, so any byte can be spelled). */
    public RawHttpConnection write(String text) {
        return write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public RawHttpConnection write(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Sends one request that asks the server to close the connection after its answer, and reads that
     * answer. The head is {@code method target HTTP/1.1}, {@code Host}, {@code Connection: close}, then
     * {@code headers} in their iteration order; {@code target} goes out byte for byte (ISO-8859-1), so it
     * may hold what no URI class accepts. A non-null {@code body} adds {@code Content-Length} and
     * {@code Expect: 100-continue} and is sent only when the server asks for it, so a server that refuses
     * the request by its head answers instead of resetting a connection the client is still writing to;
     * a server silent for {@link #CONTINUE_WAIT} gets the body anyway. Interim responses are skipped.
     */
    public Response sendClosing(String method, String target, Map<String, String> headers, byte[] body) {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n")
                .append("Host: localhost:").append(socket.getPort()).append("\r\nConnection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (body == null) {
            return write(head.append("\r\n").toString()).readFinal();
        }
        head.append("Content-Length: ").append(body.length).append("\r\nExpect: 100-continue\r\n\r\n");
        write(head.toString());
        if (!answerWithin(CONTINUE_WAIT)) {
            return write(body).readFinal();
        }
        Response first = read();
        while (first.interim() && first.status() != 100) {
            first = read();
        }
        return first.status() == 100 ? write(body).readFinal() : first;
    }

    /** Reads responses until a final one (not 1xx), which it returns. */
    private Response readFinal() {
        Response response = read();
        while (response.interim()) {
            response = read();
        }
        return response;
    }

    /** Whether a byte of the response arrives within {@code bound}; reads nothing. */
    private boolean answerWithin(Duration bound) {
        try {
            socket.setSoTimeout((int) Math.max(1, bound.toMillis()));
            in.mark(1);
            // A close (-1) counts too: the read() that follows reports it.
            in.read();
            in.reset();
            return true;
        } catch (SocketTimeoutException silent) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                socket.setSoTimeout(readTimeoutMillis);
            } catch (SocketException e) {
                // The socket is closed; the next read says so.
            }
        }
    }

    /** Whether any byte of a response has arrived, without reading it or waiting for it. */
    public boolean answered() {
        try {
            return in.available() > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads the next whole response; a read timeout, or a close before the response is complete, is an
     * exception. The body ends where {@code Transfer-Encoding: chunked} or {@code Content-Length} says;
     * without either it is empty for 1xx, 204 and 304 and otherwise runs until the server closes the
     * connection. (A response to HEAD has framing headers but no body: this reader does not expect one.)
     */
    public Response read() {
        try {
            String head = head();
            String[] lines = head.split("\r?\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        name -> new ArrayList<>()).add(lines[i].substring(colon + 1).trim());
            }
            return new Response(status, head, headers, body(status, headers));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits up to {@code bound} for the server to close the connection, reading and dropping anything
     * it sends first. True when it closed (or reset) the connection; false when it was still open.
     */
    public boolean closedByServerWithin(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        try {
            while (true) {
                long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                socket.setSoTimeout((int) left);
                if (in.read() < 0) {
                    return true;
                }
                if (System.nanoTime() > deadline) {
                    return false;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException e) {
            // A reset is a close too.
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The status line and headers as received, through the blank line. */
    private String head() throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int lineLength = 0;
        while (true) {
            int b = next();
            head.write(b);
            if (b == '\n') {
                if (lineLength == 0) {
                    return head.toString(StandardCharsets.ISO_8859_1);
                }
                lineLength = 0;
            } else if (b != '\r') {
                lineLength++;
            }
        }
    }

    private String body(int status, Map<String, List<String>> headers) throws IOException {
        List<String> length = headers.get("content-length");
        List<String> encoding = headers.get("transfer-encoding");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (encoding != null && encoding.get(0).toLowerCase(Locale.ROOT).contains("chunked")) {
            for (long size = chunkSize(); size > 0; size = chunkSize()) {
                copy(size, body);
                line();
            }
            // Trailer fields, if any, up to the blank line that ends the message.
            while (!line().isEmpty()) {
                continue;
            }
        } else if (length != null) {
            copy(Long.parseLong(length.get(0)), body);
        } else if (status >= 200 && status != 204 && status != 304) {
            in.transferTo(body);
        }
        return body.toString(StandardCharsets.UTF_8);
    }

    private long chunkSize() throws IOException {
        return Long.parseLong(line().split(";")[0].trim(), 16);
    }

    private void copy(long bytes, ByteArrayOutputStream to) throws IOException {
        for (long i = 0; i < bytes; i++) {
            to.write(next());
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = next(); b != '\n'; b = next()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private int next() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("the server closed the connection");
        }
        return b;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
