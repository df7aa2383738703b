package dev.pausepoint.testsupport.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A service that dies in the middle of an exchange: it accepts each connection and reads the whole
 * request (head and {@code Content-Length} body), then ends the exchange the chosen way instead of
 * answering. What a caller sees from a process killed under load. {@link #answering()} makes one that
 * answers {@code 200} until told to die on its next requests, as a caller sees a rolling restart: one
 * copy gone, the next one fine.
 */
public final class DyingServer implements AutoCloseable {

    public enum Ending {
        /** Close the connection (FIN) without a byte of response. */
        CLOSE,
        /** Reset the connection (RST) without a byte of response. */
        RESET,
        /** Send a 200 head promising a body, part of the body, then close. */
        TRUNCATED_BODY
    }

    private final ServerSocket server;
    private volatile Ending ending;
    private final AtomicInteger dying;
    private final AtomicInteger requests = new AtomicInteger();
    private final Thread acceptor;

    private DyingServer(Ending ending, int dying) throws IOException {
        this.ending = ending;
        this.dying = new AtomicInteger(dying);
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::acceptAll, "dying-server-" + ending.name().toLowerCase(Locale.ROOT));
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Dies on every request. */
    public static DyingServer start(Ending ending) {
        return create(ending, Integer.MAX_VALUE);
    }

    /** Answers every request with {@code 200 {"answered":true}} until {@link #dieOnNext} says otherwise. */
    public static DyingServer answering() {
        return create(Ending.CLOSE, 0);
    }

    private static DyingServer create(Ending ending, int dying) {
        try {
            return new DyingServer(ending, dying);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next {@code count} requests die the given way; answering resumes after them. */
    public void dieOnNext(int count, Ending how) {
        ending = how;
        dying.set(count);
    }

    public int port() {
        return server.getLocalPort();
    }

    public String url() {
        return "http://localhost:" + port();
    }

    /** How many whole requests arrived before the server let them down. */
    public int requests() {
        return requests.get();
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                readRequest(socket.getInputStream());
                requests.incrementAndGet();
                if (dying.getAndUpdate(left -> left == Integer.MAX_VALUE ? left : Math.max(left - 1, 0)) == 0) {
                    socket.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 17\r\nConnection: close\r\n\r\n{\"answered\":true}")
                            .getBytes(StandardCharsets.US_ASCII));
                    socket.getOutputStream().flush();
                    continue;
                }
                switch (ending) {
                    case CLOSE -> socket.shutdownOutput();
                    case RESET -> socket.setSoLinger(true, 0);
                    case TRUNCATED_BODY -> {
                        socket.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                                + "Content-Length: 100\r\n\r\n{\"pause_id\":\"psr_").getBytes(StandardCharsets.US_ASCII));
                        socket.getOutputStream().flush();
                    }
                }
            } catch (IOException e) {
                // The caller went away first, or the server is closing: either way, the next one.
            }
        }
    }

    private static void readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the caller closed before its request was complete");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        long length = 0;
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(line.substring("content-length:".length()).trim());
            }
        }
        for (long i = 0; i < length; i++) {
            if (in.read() < 0) {
                throw new IOException("the caller closed before its body was complete");
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            acceptor.join(2000);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
