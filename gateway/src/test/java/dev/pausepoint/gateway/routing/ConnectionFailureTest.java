package dev.pausepoint.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;
import reactor.netty.http.client.PrematureCloseException;

/** Which failures of the proxied call count as a connection failure, the only kind a read is retried on. */
class ConnectionFailureTest {

    @Test
    void aRefusedConnectionIsOne() {
        assertThat(ReadRetryFilter.isConnectionFailure(new ConnectException("Connection refused"))).isTrue();
    }

    @Test
    void aConnectionClosedBeforeTheAnswerIsOne() {
        assertThat(ReadRetryFilter.isConnectionFailure(
                PrematureCloseException.TEST_EXCEPTION)).isTrue();
    }

    @Test
    void aResponseTimeoutIsNot() {
        // What NettyRoutingFilter raises when the service is slower than the response timeout.
        Throwable timeout = new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT, "Response took longer than timeout",
                new org.springframework.cloud.gateway.support.TimeoutException("Response took longer than timeout"));
        assertThat(ReadRetryFilter.isConnectionFailure(timeout)).isFalse();
        assertThat(ReadRetryFilter.isConnectionFailure(new TimeoutException())).isFalse();
    }

    @Test
    void anIoFailureCausedByATimeoutIsNot() {
        assertThat(ReadRetryFilter.isConnectionFailure(
                new java.io.IOException("gave up", new TimeoutException()))).isFalse();
    }

    @Test
    void anythingElseIsNot() {
        assertThat(ReadRetryFilter.isConnectionFailure(new IllegalStateException("bug"))).isFalse();
    }
}
