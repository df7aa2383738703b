package dev.pausepoint.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import dev.pausepoint.errors.RequestIds;
import dev.pausepoint.events.Event;
import dev.pausepoint.events.EventMother;
import dev.pausepoint.events.Topics;
import dev.pausepoint.events.pause.PauseCancelled;
import dev.pausepoint.identity.RequestSigner;
import dev.pausepoint.kit.kafka.EventBatches;
import dev.pausepoint.kit.outbox.Outbox;
import dev.pausepoint.kit.tracing.Spans;
import dev.pausepoint.kit.tracing.TraceContext;
import dev.pausepoint.kit.trust.InternalClient;
import dev.pausepoint.testsupport.TestInfrastructure;
import dev.pausepoint.testsupport.TestSecrets;
import dev.pausepoint.testsupport.spring.RealInfrastructure;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The trace crosses every hop a service makes: an internal call carries the caller's trace and request
 * id; an event published inside a span leaves with that span's traceparent, and a consumer handles a
 * record in a child span of the traceparent it carries, with the ids in the MDC.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "pausepoint.internal-secret=" + TestSecrets.INTERNAL_SECRET)
@RealInfrastructure
@KitTestProperties
class TracePropagationTest {

    @Autowired
    Outbox outbox;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    EventBatches batches;

    @Autowired
    Spans spans;

    @Autowired
    Tracer tracer;

    @Autowired
    ObservationRegistry observations;

    @Autowired
    RequestSigner signer;

    @Autowired
    ObjectProvider<SpanExporter> exporters;

    private static PauseCancelled cancelled() {
        return new PauseCancelled("evt_" + UUID.randomUUID(), Instant.now(), 1, "psr_" + UUID.randomUUID(),
                EventMother.DEVELOPER, true, Instant.now(), null, "127.0.0.1");
    }

    @Test
    void anEventLeavesWithTheTraceOfTheChangeThatPublishedIt() {
        PauseCancelled event = cancelled();
        assertLeavesWithTheTraceOf(event, () -> transactions.executeWithoutResult(status -> outbox.publish(event)));
    }

    /** The same when the change and its event are one statement, with no transaction around them. */
    @Test
    void anEventWrittenWithItsChangeLeavesWithTheTraceOfThatChange() {
        PauseCancelled event = cancelled();
        assertLeavesWithTheTraceOf(event, () -> outbox.publishWith(event, List.of(new Outbox.Write(
                "INSERT INTO kit_probe (id) VALUES (?)", (int) (System.nanoTime() & 0x3fffffff)))));
    }

    /** {@code event}, published by {@code publish} inside a span, reaches Kafka with that span's traceparent. */
    private void assertLeavesWithTheTraceOf(PauseCancelled event, Runnable publish) {
        Span change = tracer.nextSpan().name("change").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(change)) {
            publish.run();
        } finally {
            change.end();
        }
        TraceContext sent = TraceContext.parse(traceparentOf(event.eventId()));
        assertThat(sent).as("the record's traceparent header").isNotNull();
        assertThat(sent.traceId()).isEqualTo(change.context().traceId());
        assertThat(sent.traceparent()).contains(change.context().spanId());
    }

    @Test
    void anEventPublishedOutsideAnySpanLeavesWithoutOne() {
        PauseCancelled event = cancelled();
        transactions.executeWithoutResult(status -> outbox.publish(event));
        assertThat(traceparentOf(event.eventId())).isNull();
    }

    @Test
    void aConsumedRecordIsHandledInAChildSpanOfItsTraceparent() {
        TraceContext published = new TraceContext("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        ConsumerRecord<String, Event> record = new ConsumerRecord<>(Topics.PAUSE_EVENTS, 0, 0, "key", cancelled());
        published.addTo(record.headers());
        AtomicReference<TraceContext> seen = new AtomicReference<>();
        AtomicReference<String> logged = new AtomicReference<>();
        batches.apply(List.of(record), event -> {
            seen.set(spans.current());
            logged.set(MDC.get("traceId"));
        });
        assertThat(seen.get()).as("a span around the handler").isNotNull();
        assertThat(seen.get().traceId()).isEqualTo(published.traceId());
        assertThat(seen.get().traceparent()).as("a span of its own").doesNotContain("00f067aa0ba902b7");
        assertThat(logged.get()).as("the trace id in the handler's log lines").isEqualTo(published.traceId());
    }

    @Test
    void anInternalCallCarriesTheCallersTraceAndRequestId() throws Exception {
        Map<String, String> received = new ConcurrentHashMap<>();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestHeaders().forEach((name, values) -> received.put(name.toLowerCase(), values.get(0)));
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        InternalClient client = new InternalClient("kit-test", "billing-service",
                URI.create("http://localhost:" + server.getAddress().getPort()), signer, JsonMapper.builder().build(),
                Duration.ofSeconds(2), observations);
        Span request = tracer.nextSpan().name("request").start();
        MDC.put(RequestIds.MDC_KEY, "req_internal_call_0001");
        try (Tracer.SpanInScope scope = tracer.withSpan(request)) {
            client.get("/internal/pauses/psr_1");
        } finally {
            MDC.remove(RequestIds.MDC_KEY);
            request.end();
            server.stop(0);
        }
        TraceContext sent = TraceContext.parse(received.get("traceparent"));
        assertThat(sent).as("a traceparent on the call: %s", received).isNotNull();
        assertThat(sent.traceId()).isEqualTo(request.context().traceId());
        assertThat(sent.traceparent()).as("the client span's own").doesNotContain(request.context().spanId());
        assertThat(received.get("x-request-id")).isEqualTo("req_internal_call_0001");
    }

    @Test
    void nothingIsExportedByDefault() {
        assertThat(exporters.stream().toList()).as("span exporters without OTLP_TRACING_ENABLED").isEmpty();
    }

    /** The traceparent header of the record holding {@code eventId} on pause.events.v1 (null if none). */
    private static String traceparentOf(String eventId) {
        AtomicReference<ConsumerRecord<String, String>> found = new AtomicReference<>();
        try (var consumer = new KafkaConsumer<String, String>(Map.of(
                "bootstrap.servers", TestInfrastructure.kafka().bootstrapServers(),
                "group.id", "trace-reader-" + UUID.randomUUID(), "auto.offset.reset", "earliest",
                "key.deserializer", StringDeserializer.class, "value.deserializer", StringDeserializer.class))) {
            consumer.subscribe(List.of(Topics.PAUSE_EVENTS));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (record.value().contains(eventId)) {
                        found.set(record);
                    }
                });
                return found.get() != null;
            });
        }
        return TraceContext.text(TraceContext.from(found.get().headers()));
    }
}
