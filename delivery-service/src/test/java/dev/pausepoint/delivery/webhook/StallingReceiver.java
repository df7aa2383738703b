package dev.pausepoint.delivery.webhook;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Webhook receivers that accept every connection, read what they are sent and answer 200 only after
 * {@code answerAfter}, or never: the endpoints that hold a post for seconds, or until the client gives
 * up. One selector thread serves any number of connections (a thread-per-request stub would run out of
 * threads first), and counts the posts held open, in all and per request path.
 */
final class StallingReceiver implements AutoCloseable {

    private static final byte[] OK = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);

    private final Duration answerAfter;
    private final ServerSocketChannel server;
    private final Selector selector;
    private final Thread thread;
    private final AtomicInteger open = new AtomicInteger();
    private final Map<String, AtomicInteger> openByPath = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> peakByPath = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> answeredByPath = new ConcurrentHashMap<>();
    private volatile boolean closing;

    /** One connection: its request line as it arrives, and when it is to be answered. */
    private static final class Held {
        final StringBuilder head = new StringBuilder();
        final long answerAt;
        String path;

        Held(long answerAt) {
            this.answerAt = answerAt;
        }
    }

    /** Answers each post {@code answerAfter} after it connected. */
    static StallingReceiver answeringAfter(String host, Duration answerAfter) {
        return new StallingReceiver(host, answerAfter);
    }

    /** Never answers: the client's timeout ends every post. */
    static StallingReceiver neverAnswering(String host) {
        return new StallingReceiver(host, null);
    }

    private StallingReceiver(String host, Duration answerAfter) {
        this.answerAfter = answerAfter;
        try {
            selector = Selector.open();
            server = ServerSocketChannel.open();
            server.bind(new InetSocketAddress(InetAddress.getByName(host), 0), 1024);
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread = new Thread(this::serve, "stalling-receiver");
        thread.setDaemon(true);
        thread.start();
    }

    String url(String host, String path) {
        return "http://" + host + ":" + server.socket().getLocalPort() + path;
    }

    /** Posts held right now: connections accepted and not yet answered or given up by the client. */
    int open() {
        return open.get();
    }

    /** The most posts to {@code path} held at once. */
    int peak(String path) {
        return peakByPath.getOrDefault(path, new AtomicInteger()).get();
    }

    int answered(String path) {
        return answeredByPath.getOrDefault(path, new AtomicInteger()).get();
    }

    private void serve() {
        ByteBuffer buffer = ByteBuffer.allocate(16 * 1024);
        try {
            while (!closing) {
                selector.select(answerAfter == null ? 0 : 50);
                for (SelectionKey key : selector.selectedKeys()) {
                    if (key.isValid() && key.isAcceptable()) {
                        accept();
                    } else if (key.isValid() && key.isReadable()) {
                        read(key, buffer);
                    }
                }
                selector.selectedKeys().clear();
                if (answerAfter != null) {
                    answerDue();
                }
            }
            for (SelectionKey key : selector.keys()) {
                key.channel().close();
            }
            selector.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void accept() throws IOException {
        SocketChannel connection;
        while ((connection = server.accept()) != null) {
            connection.configureBlocking(false);
            long answerAt = answerAfter == null ? Long.MAX_VALUE : System.nanoTime() + answerAfter.toNanos();
            connection.register(selector, SelectionKey.OP_READ, new Held(answerAt));
            open.incrementAndGet();
        }
    }

    private void read(SelectionKey key, ByteBuffer buffer) throws IOException {
        Held held = (Held) key.attachment();
        buffer.clear();
        int read = ((SocketChannel) key.channel()).read(buffer);
        if (read < 0) {
            release(key, held);
            return;
        }
        if (held.path == null) {
            held.head.append(new String(buffer.array(), 0, read, StandardCharsets.ISO_8859_1));
            int end = held.head.indexOf("\r\n");
            if (end >= 0) {
                held.path = held.head.substring(0, end).split(" ")[1];
                int now = openByPath.computeIfAbsent(held.path, p -> new AtomicInteger()).incrementAndGet();
                peakByPath.computeIfAbsent(held.path, p -> new AtomicInteger()).accumulateAndGet(now, Math::max);
            }
        }
    }

    private void answerDue() throws IOException {
        long now = System.nanoTime();
        for (SelectionKey key : selector.keys()) {
            if (key.isValid() && key.attachment() instanceof Held held && held.path != null && now - held.answerAt >= 0) {
                ((SocketChannel) key.channel()).write(ByteBuffer.wrap(OK));
                answeredByPath.computeIfAbsent(held.path, p -> new AtomicInteger()).incrementAndGet();
                release(key, held);
            }
        }
    }

    private void release(SelectionKey key, Held held) throws IOException {
        key.cancel();
        key.channel().close();
        open.decrementAndGet();
        if (held.path != null) {
            openByPath.get(held.path).decrementAndGet();
        }
    }

    @Override
    public void close() throws InterruptedException {
        closing = true;
        selector.wakeup();
        thread.join(5000);
    }
}
