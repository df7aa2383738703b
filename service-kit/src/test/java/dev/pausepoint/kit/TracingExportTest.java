package dev.pausepoint.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.pausepoint.testsupport.TestSecrets;
import dev.pausepoint.testsupport.spring.RealInfrastructure;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * OTLP export is switched on by the documented variables alone (docs/tracing-and-logs.md): with
 * {@code OTLP_TRACING_ENABLED}, {@code OTLP_TRACING_ENDPOINT} and {@code TRACING_SAMPLING_PROBABILITY}
 * set, a finished span reaches the collector over OTLP/HTTP. Off by default: see
 * {@link TracePropagationTest#nothingIsExportedByDefault}.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "pausepoint.internal-secret=" + TestSecrets.INTERNAL_SECRET,
        "OTLP_TRACING_ENABLED=true",
        "TRACING_SAMPLING_PROBABILITY=1.0",
        "management.opentelemetry.tracing.export.schedule-delay=100ms"})
@RealInfrastructure
@KitTestProperties
class TracingExportTest {

    private static final List<String> RECEIVED = new CopyOnWriteArrayList<>();
    private static final HttpServer COLLECTOR = collector();

    private static HttpServer collector() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                RECEIVED.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                        + exchange.getRequestHeaders().getFirst("Content-Type") + " "
                        + exchange.getRequestBody().readAllBytes().length);
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void collectorEndpoint(DynamicPropertyRegistry registry) {
        registry.add("OTLP_TRACING_ENDPOINT",
                () -> "http://localhost:" + COLLECTOR.getAddress().getPort() + "/v1/traces");
    }

    @AfterAll
    static void stopCollector() {
        COLLECTOR.stop(0);
    }

    @Autowired
    Tracer tracer;

    @Test
    void aFinishedSpanIsExportedToTheConfiguredCollector() {
        Span span = tracer.nextSpan().name("exported").start();
        span.end();
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(RECEIVED)
                .anySatisfy(request -> assertThat(request).startsWith("POST /v1/traces application/x-protobuf")));
    }
}
