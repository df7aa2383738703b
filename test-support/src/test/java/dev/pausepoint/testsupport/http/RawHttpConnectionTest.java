package dev.pausepoint.testsupport.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pausepoint.testsupport.http.RawHttpConnection.Response;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The reader and the request flows against a server that answers from a script, byte for byte: the
 * framings no service here happens to send (chunk extensions, trailers, a body that runs to the close, a
 * bodiless 204 on a kept-alive connection) and each turn of the {@code Expect: 100-continue} handshake.
 */
class RawHttpConnectionTest {

    private static final Duration BOUND = Duration.ofSeconds(10);

    /** One accepted connection, served by a script on its own thread; the script's failures surface in {@link #finish()}. */
    private static final class ScriptedServer implements AutoCloseable {

        interface Script {
            void run(InputStream in, OutputStream out) throws Exception;
        }

        private final ServerSocket server;
        private final ExecutorService thread = Executors.newSingleThreadExecutor();
        private final Future<?> served;

        ScriptedServer(Script script) throws IOException {
            server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            served = thread.submit(() -> {
                try (Socket socket = server.accept()) {
                    socket.setSoTimeout((int) BOUND.toMillis());
                    script.run(new BufferedInputStream(socket.getInputStream()), socket.getOutputStream());
                }
                return null;
            });
        }

        int port() {
            return server.getLocalPort();
        }

        void finish() throws Exception {
            served.get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public void close() throws IOException {
            thread.shutdownNow();
            server.close();
        }
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** The request head as the server got it, through the blank line. */
    private static String head(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            assertThat(b).as("the client closed inside its head").isNotNegative();
            head.write(b);
        }
        return head.toString(StandardCharsets.ISO_8859_1);
    }

    private static void clientHangsUp(InputStream in) throws IOException {
        assertThat(in.read()).as("nothing more from the client, then its close").isEqualTo(-1);
    }

    @Test
    void chunkExtensionsTrailersAndABodilessNoContentLeaveTheConnectionReadyForTheNextResponse() throws Exception {
        String chunked = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nX-Seen: a\r\nX-Seen: b\r\n\r\n"
                + "5;name=value\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n";
        try (ScriptedServer server = new ScriptedServer((in, out) -> {
            head(in);
            send(out, chunked + "HTTP/1.1 204 No Content\r\nX-After: chunked\r\n\r\n"
                    + "HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\nend");
            clientHangsUp(in);
        }); RawHttpConnection connection = new RawHttpConnection(server.port(), BOUND)) {
            Response first = connection.write("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n").read();
            assertThat(first.status()).isEqualTo(200);
            assertThat(first.body()).isEqualTo("hello world");
            assertThat(first.head()).isEqualTo(chunked.substring(0, chunked.indexOf("\r\n\r\n") + 4));
            assertThat(first.headers().get("x-seen")).containsExactly("a", "b");
            Response second = connection.read();
            assertThat(second.status()).isEqualTo(204);
            assertThat(second.header("X-After")).isEqualTo("chunked");
            assertThat(second.body()).isEmpty();
            assertThat(connection.read().body()).as("the server never closed, so nothing was read to a close")
                    .isEqualTo("end");
            connection.close();
            server.finish();
        }
    }

    @Test
    void aBodyWithNeitherLengthNorChunksRunsUntilTheServerCloses() throws Exception {
        try (ScriptedServer server = new ScriptedServer((in, out) -> {
            head(in);
            send(out, "HTTP/1.1 422 Unprocessable Entity\r\nContent-Type: application/json\r\n\r\n{\"a\":");
            send(out, "\"\u00c3\u00a9\"}");
        })) {
            Response response = RawHttpConnection.exchange(server.port(),
                    "GET / HTTP/1.0\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            assertThat(response.status()).isEqualTo(422);
            assertThat(response.body()).as("both writes, decoded as UTF-8").isEqualTo("{\"a\":\"\u00e9\"}");
            server.finish();
        }
    }

    @Test
    void sendClosingWritesItsHeadAsGivenAndTheBodyOnlyAfter100Continue() throws Exception {
        byte[] sent = "{\"\u00e9\":1}".getBytes(StandardCharsets.UTF_8);
        AtomicReference<String> head = new AtomicReference<>();
        AtomicReference<byte[]> body = new AtomicReference<>();
        try (ScriptedServer server = new ScriptedServer((in, out) -> {
            head.set(head(in));
            send(out, "HTTP/1.1 100 Continue\r\n\r\n");
            body.set(in.readNBytes(sent.length));
            send(out, "HTTP/1.1 201 Created\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
            clientHangsUp(in);
        }); RawHttpConnection connection = new RawHttpConnection(server.port(), BOUND)) {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("X-First", "1");
            headers.put("Content-Type", "application/json");
            Response response = connection.sendClosing("POST", "/a%zz\u00e9\u0000", headers, sent);
            assertThat(response.status()).as("the final answer, not the interim 100").isEqualTo(201);
            assertThat(response.body()).isEqualTo("ok");
            connection.close();
            server.finish();
            assertThat(head.get()).isEqualTo("POST /a%zz\u00e9\u0000 HTTP/1.1\r\nHost: localhost:" + server.port()
                    + "\r\nConnection: close\r\nX-First: 1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 8\r\nExpect: 100-continue\r\n\r\n");
            assertThat(body.get()).isEqualTo(sent);
        }
    }

    @Test
    void aRefusalOfTheHeadIsTheAnswerAndTheBodyIsNeverSent() throws Exception {
        try (ScriptedServer server = new ScriptedServer((in, out) -> {
            head(in);
            send(out, "HTTP/1.1 413 Content Too Large\r\nContent-Length: 4\r\nConnection: close\r\n\r\nbig!");
            clientHangsUp(in);
        }); RawHttpConnection connection = new RawHttpConnection(server.port(), BOUND)) {
            Response response = connection.sendClosing("POST", "/", Map.of(), new byte[100]);
            assertThat(response.status()).isEqualTo(413);
            assertThat(response.body()).isEqualTo("big!");
            connection.close();
            server.finish();
        }
    }

    @Test
    void aServerSilentAfterTheHeadGetsTheBodyAnywayAndALate100IsNotTheAnswer() throws Exception {
        try (ScriptedServer server = new ScriptedServer((in, out) -> {
            head(in);
            assertThat(new String(in.readNBytes(2), StandardCharsets.US_ASCII)).isEqualTo("{}");
            send(out, "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            clientHangsUp(in);
        }); RawHttpConnection connection = new RawHttpConnection(server.port(), BOUND)) {
            assertThat(connection.sendClosing("PUT", "/", Map.of(), "{}".getBytes(StandardCharsets.US_ASCII))
                    .status()).isEqualTo(200);
            connection.close();
            server.finish();
        }
    }

    @Test
    void openWithLeavesTheRequestInProgressUntilTheAnswerIsReadOrTheClientHangsUp() throws Exception {
        CountDownLatch headArrived = new CountDownLatch(1);
        CountDownLatch mayAnswer = new CountDownLatch(1);
        try (ScriptedServer server = new ScriptedServer((in, out) -> {
            assertThat(head(in)).isEqualTo("GET /wait HTTP/1.1\r\nHost: localhost\r\n\r\n");
            headArrived.countDown();
            assertThat(mayAnswer.await(BOUND.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            send(out, "HTTP/1.1 503 Service Unavailable\r\nRetry-After: 5\r\nContent-Length: 0\r\n\r\n");
            clientHangsUp(in);
        }); RawHttpConnection parked = RawHttpConnection.openWith(server.port(),
                "GET /wait HTTP/1.1\r\nHost: localhost\r\n\r\n")) {
            assertThat(headArrived.await(BOUND.toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            assertThat(parked.answered()).isFalse();
            mayAnswer.countDown();
            await().atMost(BOUND).until(parked::answered);
            assertThat(parked.read().head()).startsWith("HTTP/1.1 503 ").contains("\r\nRetry-After: 5\r\n");
            parked.close();
            server.finish();
        }
    }
}
