package dev.pausepoint.gateway;

import dev.pausepoint.testsupport.http.RawHttpConnection;
import java.time.Duration;

/**
 * One HTTP/1.1 connection kept open across requests, so a test can see what a client reusing a
 * connection sees (java.net.http would quietly open another one).
 */
final class KeepAliveConnection implements AutoCloseable {

    record Response(int status, boolean closing) {
    }

    private final RawHttpConnection connection;
    private final String clientIp;

    /** {@code clientIp} goes out as X-Forwarded-For, so each connection has its own rate-limit window. */
    KeepAliveConnection(int port, String clientIp, Duration readTimeout) {
        this.clientIp = clientIp;
        this.connection = new RawHttpConnection(port, readTimeout);
    }

    /** Sends a bodiless GET and reads its whole response; a read timeout or a close surfaces as an exception. */
    Response get(String path) {
        RawHttpConnection.Response response = connection.write("GET " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                + "X-Forwarded-For: " + clientIp + "\r\n\r\n").read();
        return new Response(response.status(), response.closing());
    }

    @Override
    public void close() {
        connection.close();
    }
}
