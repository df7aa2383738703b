package dev.pausepoint.gateway;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * One HTTP/1.1 connection kept open across requests, written byte by byte, so a test can see what a
 * client reusing a connection sees (java.net.http would quietly open another one).
 */
final class KeepAliveConnection implements AutoCloseable {

    record Response(int status, boolean closing) {
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String clientIp;

    /** {@code clientIp} goes out as X-Forwarded-For, so each connection has its own rate-limit window. */
    KeepAliveConnection(int port, String clientIp, Duration readTimeout) throws IOException {
        this.clientIp = clientIp;
        socket = new Socket("localhost", port);
        socket.setSoTimeout((int) readTimeout.toMillis());
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    /** Sends a bodiless GET and reads its whole response; a read timeout surfaces as an exception. */
    Response get(String path) throws IOException {
        String request = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nX-Forwarded-For: " + clientIp + "\r\n\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        int status = Integer.parseInt(line().split(" ")[1]);
        long length = 0;
        boolean chunked = false;
        boolean closing = false;
        for (String header = line(); !header.isEmpty(); header = line()) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring("content-length:".length()).trim());
            }
            chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
            closing |= lower.startsWith("connection:") && lower.contains("close");
        }
        if (chunked) {
            for (long size = Long.parseLong(line().trim(), 16); size > 0; size = Long.parseLong(line().trim(), 16)) {
                skip(size);
                line();
            }
            line();
        } else {
            skip(length);
        }
        return new Response(status, closing);
    }

    private void skip(long bytes) throws IOException {
        for (long i = 0; i < bytes; i++) {
            read();
        }
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = read(); b != '\n'; b = read()) {
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }

    private int read() throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("the gateway closed the connection");
        }
        return b;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
