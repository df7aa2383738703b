package dev.pausepoint.errors.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.pausepoint.errors.ErrorCode;
import dev.pausepoint.errors.ErrorEnvelopeContractTest;
import dev.pausepoint.errors.testapp.SampleController;
import jakarta.servlet.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

@SpringBootTest(classes = ServletErrorEnvelopeTest.ServletApp.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "spring.main.web-application-type=servlet")
class ServletErrorEnvelopeTest extends ErrorEnvelopeContractTest {

    @LocalServerPort
    int port;

    @Override
    protected int port() {
        return port;
    }

    @Test
    void failureInAFilterBeforeSpringMvcIsStillTheEnvelope() {
        Reply reply = get("/samples?limit=1", "X-Explode", "yes");
        assertEnvelope(reply, 500, ErrorCode.INTERNAL_ERROR);
        assertThat(reply.raw().body()).doesNotContain("filter secret");
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(SampleController.class)
    static class ServletApp {

        @Bean
        Filter explodingFilter() {
            return (request, response, chain) -> {
                if (((jakarta.servlet.http.HttpServletRequest) request).getHeader("X-Explode") != null) {
                    throw new IllegalStateException("filter secret");
                }
                chain.doFilter(request, response);
            };
        }
    }
}
