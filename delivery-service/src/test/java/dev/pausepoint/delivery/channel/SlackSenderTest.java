package dev.pausepoint.delivery.channel;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.delivery.outbound.OutboundGuard;
import dev.pausepoint.delivery.outbound.OutboundHttp;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Transport failures (nothing listening, a timeout) are worth another try; an unsafe URL is not. */
class SlackSenderTest {

    private final SlackSender sender = new SlackSender(
            OutboundHttp.client(new OutboundGuard(List.of("127.0.0.2")), Duration.ofSeconds(2), 4, 4));

    private static OutgoingMessage to(String url) {
        return new OutgoingMessage("psr_1", url, "Deploy?", List.of("Approve", "Reject"),
                "https://pausepoint.example/respond/t");
    }

    @Test
    void anUnreachableSlackIsRetried() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        SendResult result = sender.send(to("http://127.0.0.2:" + closedPort + "/services/T/B/x"));

        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.RETRY);
        assertThat(result.error()).startsWith("Slack unreachable");
    }

    @Test
    void anUnsafeSlackUrlFailsAtOnce() {
        SendResult result = sender.send(to("https://10.0.0.1/services/T/B/x"));

        assertThat(result.outcome()).isEqualTo(SendResult.Outcome.FAIL);
        assertThat(result.error()).isEqualTo("refused: the Slack URL must resolve only to public addresses");
    }
}
