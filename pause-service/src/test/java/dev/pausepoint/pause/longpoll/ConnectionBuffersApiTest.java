package dev.pausepoint.pause.longpoll;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.identity.CallerIdentity;
import dev.pausepoint.identity.KeyMode;
import dev.pausepoint.kit.SignedClient.Reply;
import dev.pausepoint.pause.PauseApiTest;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.servlet.context.ServletWebServerApplicationContext;

/**
 * Tomcat's per-connection buffers are the small ones configured (a parked long-poll holds them for its
 * whole wait), and requests and answers larger than them still pass whole.
 */
class ConnectionBuffersApiTest extends PauseApiTest {

    @Autowired
    ServletWebServerApplicationContext context;

    @Test
    void everyConnectionGetsTheConfiguredSmallBuffers() {
        Connector connector = ((TomcatWebServer) context.getWebServer()).getTomcat().getConnector();
        assertThat(String.valueOf(connector.getProperty("socket.appReadBufSize"))).isEqualTo("2048");
        assertThat(String.valueOf(connector.getProperty("socket.appWriteBufSize"))).isEqualTo("4096");
        assertThat(((AbstractHttp11Protocol<?>) connector.getProtocolHandler()).getMaxHttpResponseHeaderSize())
                .isEqualTo(4 * 1024);
        assertThat(connector.getProtocolHandler().getDesiredBufferSize()).isEqualTo(4 * 1024);
        assertThat(connector.createResponse(new org.apache.coyote.Response()).getBufferSize()).isEqualTo(4 * 1024);
    }

    @Test
    void aBodyLargerThanTheReadBufferAndAnAnswerLargerThanTheWriteBufferPassWhole() {
        CallerIdentity caller = developer("free", KeyMode.TEST);
        String message = "m".repeat(1_990) + "-end";
        String metadata = "x".repeat(10_000);
        String body = """
                {"recipient": "+1 (415) 555-0123", "channel": "sms", "message": "%s",
                 "options": ["Approve", "Reject"], "metadata": {"blob": "%s"}}""".formatted(message, metadata);
        assertThat(body.length()).isGreaterThan(4 * 2 * 1024);
        Reply created = client.postJson("/v1/pause", body, caller);
        assertThat(created.status()).as(created.body()).isEqualTo(201);

        Reply read = client.get("/v1/pause/" + created.json().get("pause_id").asString(), caller);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body().length()).isGreaterThan(2 * 4 * 1024);
        assertThat(read.header("Transfer-Encoding")).as("past the response buffer").isEqualTo("chunked");
        assertThat(read.json().get("message").asString()).isEqualTo(message);
        assertThat(read.json().get("metadata").get("blob").asString()).isEqualTo(metadata);
    }
}
