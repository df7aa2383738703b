package dev.pausepoint.gateway.longpoll;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;

/** Which answers park a long-poll: a 200 JSON object whose own {@code status} is {@code pending}, nothing else. */
class PendingAnswerTest {

    private static boolean pending(HttpStatus status, MediaType type, String body) {
        HttpHeaders headers = new HttpHeaders();
        if (type != null) {
            headers.setContentType(type);
        }
        return ReadAnswer.woken(status, headers, body.getBytes(StandardCharsets.UTF_8)).pending();
    }

    @Test
    void aPendingPauseWhereverItsStatusStands() {
        assertThat(pending(HttpStatus.OK, MediaType.APPLICATION_JSON,
                "{\"pause_id\":\"psr_1\",\"status\":\"pending\",\"livemode\":false}")).isTrue();
        assertThat(pending(HttpStatus.OK, MediaType.APPLICATION_JSON,
                "{\"metadata\":{\"status\":\"done\",\"list\":[{\"status\":\"x\"}]},\"tags\":[1,2],\"status\":\"pending\"}"))
                .as("a status inside another field is not the pause's").isTrue();
    }

    @Test
    void anythingElseIsAnsweredAtOnce() {
        assertThat(pending(HttpStatus.OK, MediaType.APPLICATION_JSON, "{\"status\":\"responded\"}")).isFalse();
        assertThat(pending(HttpStatus.OK, MediaType.APPLICATION_JSON, "{\"metadata\":{\"status\":\"pending\"}}"))
                .as("only the top level counts").isFalse();
        assertThat(pending(HttpStatus.OK, MediaType.APPLICATION_JSON, "{\"status\":{\"value\":\"pending\"}}")).isFalse();
        assertThat(pending(HttpStatus.OK, MediaType.APPLICATION_JSON, "[\"pending\"]")).isFalse();
        assertThat(pending(HttpStatus.OK, MediaType.APPLICATION_JSON, "not json")).isFalse();
        assertThat(pending(HttpStatus.OK, MediaType.TEXT_PLAIN, "{\"status\":\"pending\"}")).isFalse();
        assertThat(pending(HttpStatus.NOT_FOUND, MediaType.APPLICATION_JSON, "{\"status\":\"pending\"}")).isFalse();
    }

    @Test
    void aWokenAnswerReachesTheClientWithTheBatchsHeadersAndItsOwnLength() {
        HttpHeaders shared = new HttpHeaders();
        shared.setContentType(MediaType.APPLICATION_JSON);
        shared.set("Date", "Mon, 30 Nov 2026 19:00:00 GMT");
        HttpHeaders batch = HttpHeaders.readOnlyHttpHeaders(shared);
        byte[] body = "{\"status\":\"responded\",\"text\":\"d\u00e9j\u00e0\"}".getBytes(StandardCharsets.UTF_8);
        MockServerHttpResponse client = new MockServerHttpResponse();

        ReadAnswer.woken(HttpStatus.OK, batch, body).writeTo(client).block();

        assertThat(client.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(client.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        assertThat(client.getHeaders().getFirst("Date")).isEqualTo("Mon, 30 Nov 2026 19:00:00 GMT");
        assertThat(client.getHeaders().getContentLength()).as("bytes, not characters").isEqualTo(body.length);
        assertThat(client.getBodyAsString().block()).isEqualTo(new String(body, StandardCharsets.UTF_8));
        assertThat(batch.getContentLength()).as("the batch's headers are shared, never written to").isEqualTo(-1);
    }
}
