package dev.pausepoint.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.pausepoint.events.Event;
import dev.pausepoint.events.EventMother;
import dev.pausepoint.events.Topics;
import dev.pausepoint.events.pause.PauseCancelled;
import dev.pausepoint.kit.kafka.EventBatches;
import dev.pausepoint.kit.outbox.Outbox;
import dev.pausepoint.kit.tracing.Spans;
import dev.pausepoint.kit.tracing.TraceContext;
import dev.pausepoint.testsupport.TestInfrastructure;
import dev.pausepoint.testsupport.TestSecrets;
import dev.pausepoint.testsupport.spring.RealInfrastructure;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The trace crosses Kafka: an event published inside a span leaves with that span's traceparent, and a
 * consumer handles a record in a child span of the traceparent it carries, with the ids in the MDC.
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

    private static PauseCancelled cancelled() {
        return new PauseCancelled("evt_" + UUID.randomUUID(), Instant.now(), 1, "psr_" + UUID.randomUUID(),
                EventMother.DEVELOPER, true, Instant.now(), null, "127.0.0.1");
    }

    @Test
    void anEventLeavesWithTheTraceOfTheChangeThatPublishedIt() {
        PauseCancelled event = cancelled();
        Span change = tracer.nextSpan().name("change").start();
        try (Tracer.SpanInScope scope = tracer.withSpan(change)) {
            transactions.executeWithoutResult(status -> outbox.publish(event));
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
