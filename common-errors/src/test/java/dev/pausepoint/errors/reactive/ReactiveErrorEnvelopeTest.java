package dev.pausepoint.errors.reactive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.errors.ErrorEnvelopeContractTest;
import dev.pausepoint.errors.testapp.SampleController;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@SpringBootTest(classes = ReactiveErrorEnvelopeTest.ReactiveApp.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "spring.main.web-application-type=reactive")
class ReactiveErrorEnvelopeTest extends ErrorEnvelopeContractTest {

    @LocalServerPort
    int port;

    @Override
    protected int port() {
        return port;
    }

    @Test
    void unreachableDownstreamIsServiceUnavailable() {
        Reply reply = get("/downstream");
        assertEnvelope(reply, 503, ErrorCode.SERVICE_UNAVAILABLE);
        assertThat(reply.raw().body()).doesNotContain("10.0.0.9");
    }

    @RestController
    static class DownstreamController {

        @GetMapping("/downstream")
        Mono<String> downstream() {
            return Mono.error(new ConnectException("Connection refused: /10.0.0.9:8081"));
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import({SampleController.class, DownstreamController.class})
    static class ReactiveApp {
    }
}
