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
 * One HTTP/1.1 connection driven byte by byte: whatever is written goes out exactly as given, and
 * responses are read off the socket one at a time, so a test sees what a client reusing the
 * connection sees (java.net.http would validate the request and quietly open another connection).
 */
public final class RawHttpConnection implements AutoCloseable {

    /** One response; header names are lower case. */
    public record Response(int status, Map<String, List<String>> headers, String body) {

        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }

        /** Whether the server said it closes the connection after this response. */
        public boolean closing() {
            String connection = header("connection");
            return connection != null && connection.toLowerCase(Locale.ROOT).contains("close");
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public RawHttpConnection(int port, Duration readTimeout) {
        try {
            socket = new Socket("localhost", port);
            socket.setSoTimeout((int) readTimeout.toMillis());
            in = new BufferedInputStream(socket.getInputStream());
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends {@code request} on a new connection and reads the one response. */
    public static Response exchange(int port, String request) {
        try (RawHttpConnection connection = new RawHttpConnection(port, Duration.ofSeconds(15))) {
            connection.write(request);
            return connection.read();
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

    /** Reads the next whole response; a read timeout or a closed connection is an exception. */
    public Response read() {
        try {
            String statusLine = line();
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            for (String header = line(); !header.isEmpty(); header = line()) {
                int colon = header.indexOf(':');
                headers.computeIfAbsent(header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        name -> new ArrayList<>()).add(header.substring(colon + 1).trim());
            }
            return new Response(status, headers, body(headers));
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

    private String body(Map<String, List<String>> headers) throws IOException {
        List<String> length = headers.get("content-length");
        List<String> encoding = headers.get("transfer-encoding");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (encoding != null && encoding.get(0).toLowerCase(Locale.ROOT).contains("chunked")) {
            for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(), 16)) {
                copy(size, body);
                line();
            }
            line();
        } else if (length != null) {
            copy(Long.parseLong(length.get(0)), body);
        }
        return body.toString(StandardCharsets.UTF_8);
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
