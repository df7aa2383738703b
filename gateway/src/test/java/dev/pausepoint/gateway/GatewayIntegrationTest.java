package dev.pausepoint.gateway;

import dev.pausepoint.testsupport.TestSecrets;
import dev.pausepoint.testsupport.spring.RealInfrastructure;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The gateway on real Redis and Kafka with WireMock services behind it; subclasses share one context. */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "pausepoint.internal-secret=" + TestSecrets.INTERNAL_SECRET})
@RealInfrastructure
abstract class GatewayIntegrationTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        DownstreamStubs.register(registry);
    }

    @BeforeEach
    void resetStubs() {
        DownstreamStubs.reset();
    }
}
