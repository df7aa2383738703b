package dev.pausepoint.gateway.longpoll;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpStatus;
import org.springframework.mock.http.server.reactive.MockServerHttpResponse;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

class CapturedAnswerTest {

    private final DefaultDataBufferFactory buffers = DefaultDataBufferFactory.sharedInstance;

    @Test
    void aStreamedAnswerIsCapturedWhole() {
        CapturedAnswer answer = new CapturedAnswer(buffers);
        answer.setStatusCode(HttpStatus.OK);

        answer.writeAndFlushWith(Flux.just(Mono.just(chunk("{\"status\":")), Mono.just(chunk("\"pending\"}"))))
                .block();

        assertThat(new String(answer.body(), StandardCharsets.UTF_8)).isEqualTo("{\"status\":\"pending\"}");
    }

    @Test
    void theCapturedAnswerReachesTheClientWithItsStatusHeadersAndBody() {
        CapturedAnswer answer = new CapturedAnswer(buffers);
        answer.setStatusCode(HttpStatus.NOT_FOUND);
        answer.getHeaders().add("X-Request-Id", "r1");
        answer.writeWith(Mono.just(chunk("{\"error\":\"NOT_FOUND\"}"))).block();
        MockServerHttpResponse client = new MockServerHttpResponse();

        ReadAnswer.of(answer).writeTo(client).block();

        assertThat(client.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(client.getHeaders().getFirst("X-Request-Id")).isEqualTo("r1");
        assertThat(client.getBodyAsString().block()).isEqualTo("{\"error\":\"NOT_FOUND\"}");
    }

    private DataBuffer chunk(String text) {
        return buffers.wrap(text.getBytes(StandardCharsets.UTF_8));
    }
}
