package dev.pausepoint.benchmark.curves;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * The parked-long-polls curve's clients: one kept-alive HTTP/1.1 connection per waiter, all served by one
 * selector thread, each answer stamped when its last byte is read, and handed to one thread of its own.
 * The JDK's {@code HttpClient} serving the same 10,000 waiters on this machine's two cores was the slowest
 * part of the wake it was to measure (run G, docs/benchmark/cost-curves.md): its {@code sendAsync} hands
 * every answer to a new thread where the common pool has one worker (two cores), and its connection pool
 * files each returned connection in a list it walks. A real client runs elsewhere; this one costs the
 * machine little, so the wake figure is the stack's.
 *
 * <p>Only what the gateway's answers to {@code GET /v1/pause/{id}} need: a status line, headers, and a
 * body of a {@code Content-Length} or chunked; a connection the gateway closes is opened again for the
 * next ask.
 */
final class WaiterConnections implements AutoCloseable {

    /** A complete answer: its status, its body, and when its last byte arrived ({@link System#nanoTime}). */
    record Answer(int status, byte[] body, long arrivedNanos) {
    }

    /** One waiter's connection, asked again and again; one ask at a time. */
    final class Connection {
        private final InetSocketAddress address;
        private SocketChannel channel;
        private ByteBuffer out;
        private final ByteArrayOutputStream in = new ByteArrayOutputStream(1024);
        private Consumer<Answer> onAnswer;
        private Consumer<Exception> onFailure;

        private Connection(InetSocketAddress address) {
            this.address = address;
        }

        /** Closes the connection, once its waiter is done with it. */
        void close() {
            tasks.add(() -> {
                try {
                    if (channel != null) {
                        channel.close();
                    }
                } catch (IOException ignored) {
                    // Closing is all there is to do.
                }
            });
            selector.wakeup();
        }

        /** Sends {@code request} (a whole HTTP/1.1 request) and hands its answer or failure over. */
        void ask(byte[] request, Consumer<Answer> answer, Consumer<Exception> failure) {
            tasks.add(() -> start(this, request, answer, failure));
            selector.wakeup();
        }
    }

    private final Selector selector;
    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final ExecutorService callbacks = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "waiter-answers");
        thread.setDaemon(true);
        return thread;
    });
    private final Thread loop;
    private volatile boolean running = true;
    private final ByteBuffer reading = ByteBuffer.allocateDirect(64 * 1024);

    WaiterConnections() throws IOException {
        selector = Selector.open();
        loop = new Thread(this::run, "waiter-connections");
        loop.setDaemon(true);
        loop.start();
    }

    Connection connection(String host, int port) {
        return new Connection(new InetSocketAddress(host, port));
    }

    private void run() {
        while (running) {
            try {
                for (Runnable task = tasks.poll(); task != null; task = tasks.poll()) {
                    task.run();
                }
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    Connection connection = (Connection) key.attachment();
                    try {
                        if (key.isValid() && key.isConnectable()) {
                            connection.channel.finishConnect();
                            key.interestOps(SelectionKey.OP_WRITE);
                        }
                        if (key.isValid() && key.isWritable()) {
                            write(connection, key);
                        }
                        if (key.isValid() && key.isReadable()) {
                            read(connection);
                        }
                    } catch (IOException | RuntimeException e) {
                        fail(connection, e);
                    }
                }
                selector.selectedKeys().clear();
            } catch (IOException e) {
                if (running) {
                    throw new IllegalStateException("the waiters' selector failed", e);
                }
            }
        }
    }

    private void start(Connection connection, byte[] request, Consumer<Answer> answer, Consumer<Exception> failure) {
        connection.out = ByteBuffer.wrap(request);
        connection.in.reset();
        connection.onAnswer = answer;
        connection.onFailure = failure;
        try {
            if (connection.channel == null || !connection.channel.isOpen()) {
                SocketChannel channel = SocketChannel.open();
                channel.configureBlocking(false);
                channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
                connection.channel = channel;
                boolean connected = channel.connect(connection.address);
                channel.register(selector, connected ? SelectionKey.OP_WRITE : SelectionKey.OP_CONNECT, connection);
            } else {
                connection.channel.keyFor(selector).interestOps(SelectionKey.OP_WRITE);
            }
        } catch (IOException | RuntimeException e) {
            fail(connection, e);
        }
    }

    private void write(Connection connection, SelectionKey key) throws IOException {
        connection.channel.write(connection.out);
        if (!connection.out.hasRemaining()) {
            key.interestOps(SelectionKey.OP_READ);
        }
    }

    private void read(Connection connection) throws IOException {
        reading.clear();
        int count = connection.channel.read(reading);
        if (count < 0) {
            throw new IOException("the gateway closed the connection before a whole answer");
        }
        reading.flip();
        byte[] bytes = new byte[reading.remaining()];
        reading.get(bytes);
        connection.in.writeBytes(bytes);
        Parsed parsed = Parsed.of(connection.in.toByteArray());
        if (parsed == null) {
            return;
        }
        long arrived = System.nanoTime();
        if (parsed.close()) {
            connection.channel.close();
        } else {
            connection.channel.keyFor(selector).interestOps(0);
        }
        Consumer<Answer> onAnswer = connection.onAnswer;
        callbacks.execute(() -> onAnswer.accept(new Answer(parsed.status(), parsed.body(), arrived)));
    }

    private void fail(Connection connection, Exception e) {
        try {
            if (connection.channel != null) {
                connection.channel.close();
            }
        } catch (IOException ignored) {
            // Closing is all that is left to do.
        }
        Consumer<Exception> onFailure = connection.onFailure;
        if (onFailure != null) {
            connection.onFailure = null;
            callbacks.execute(() -> onFailure.accept(e));
        }
    }

    @Override
    public void close() throws IOException {
        running = false;
        selector.wakeup();
        try {
            loop.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (SelectionKey key : selector.keys()) {
            key.channel().close();
        }
        selector.close();
        callbacks.shutdownNow();
    }

    /** A whole answer read from the bytes so far, or null while it is incomplete. */
    private record Parsed(int status, byte[] body, boolean close) {

        static Parsed of(byte[] bytes) {
            int headEnd = indexOf(bytes, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
            if (headEnd < 0) {
                return null;
            }
            String[] head = new String(bytes, 0, headEnd, StandardCharsets.ISO_8859_1).split("\r\n");
            int status = Integer.parseInt(head[0].split(" ")[1]);
            long length = -1;
            boolean chunked = false;
            boolean close = false;
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                String name = head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
                String value = head[i].substring(colon + 1).trim().toLowerCase(Locale.ROOT);
                switch (name) {
                    case "content-length" -> length = Long.parseLong(value);
                    case "transfer-encoding" -> chunked = value.contains("chunked");
                    case "connection" -> close = value.contains("close");
                    default -> {
                    }
                }
            }
            int bodyStart = headEnd + 4;
            if (chunked) {
                byte[] body = unchunked(bytes, bodyStart);
                return body == null ? null : new Parsed(status, body, close);
            }
            if (length < 0) {
                throw new IllegalStateException("an answer with neither a length nor chunks");
            }
            if (bytes.length - bodyStart < length) {
                return null;
            }
            return new Parsed(status, Arrays.copyOfRange(bytes, bodyStart, bodyStart + (int) length), close);
        }

        private static byte[] unchunked(byte[] bytes, int from) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            int at = from;
            while (true) {
                int lineEnd = indexOf(bytes, "\r\n".getBytes(StandardCharsets.US_ASCII), at);
                if (lineEnd < 0) {
                    return null;
                }
                String sizeLine = new String(bytes, at, lineEnd - at, StandardCharsets.US_ASCII);
                int semicolon = sizeLine.indexOf(';');
                int size = Integer.parseInt((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
                int dataStart = lineEnd + 2;
                if (size == 0) {
                    // No trailers from the gateway: the last chunk ends with one more CRLF.
                    return bytes.length >= dataStart + 2 ? body.toByteArray() : null;
                }
                if (bytes.length < dataStart + size + 2) {
                    return null;
                }
                body.write(bytes, dataStart, size);
                at = dataStart + size + 2;
            }
        }

        private static int indexOf(byte[] bytes, byte[] wanted, int from) {
            outer:
            for (int i = from; i <= bytes.length - wanted.length; i++) {
                for (int j = 0; j < wanted.length; j++) {
                    if (bytes[i + j] != wanted[j]) {
                        continue outer;
                    }
                }
                return i;
            }
            return -1;
        }
    }
}
